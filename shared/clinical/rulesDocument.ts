import type { Findings } from '../domain/findings';
import { engineVersion } from './assess';
import { conventionIds, conventions } from './conventions';
import { factDefinitions, factIds } from './facts';
import { viewingConvention } from './footGeometry';
import { iwgdf2023Table } from './iwgdf2023';
import { ipswichAbnormalToes } from './lops';
import { niceFirstAssessmentWeeks, niceNg19Table } from './niceNg19';
import { abiPadBelow, abiUnreliableAbove, tbiPadBelow } from './pad';
import { siteProtocolIds, siteProtocols, siteDefinition, tuningForkSite } from './protocols';
import { otherCausesToConsider, redFlagIds, redFlagLabels, summariseRedFlags } from './redFlags';
import type { Condition, RuleTable } from './ruleEngine';
import { mnsiAbnormalAtOrAbove } from './scores/mnsi';
import { requiredRealApplications, requiredShamApplications } from './siteDerivation';
import { vptAbnormalVolts } from './vibrationDerivation';
import { warningCatalogue, warningIds } from './warnings';

/**
 * docs/clinical-rules.md, generated from the rule tables and the engine's constants so a
 * clinical reviewer can read every rule with its source without reading code, and the document
 * cannot drift from what the engine does (a test fails when the committed file is stale).
 */

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A condition in words: "LOPS and (previous ulcer or ...)". */
export function describeCondition(condition: Condition, nested = false): string {
  if ('fact' in condition) {
    const noun = factDefinitions[condition.fact].noun;
    return condition.is ? noun : `no ${noun}`;
  }
  const parts = ('all' in condition ? condition.all : condition.any).map((c) => describeCondition(c, true));
  const joined = parts.join('all' in condition ? ' and ' : ' or ');
  return nested && parts.length > 1 ? `(${joined})` : joined;
}

function ruleTableSection<C extends string | number>(table_: RuleTable<C>, extraOutcome?: (c: C) => string): string {
  const rules = table(
    ['Rule', 'If', 'Then', 'Reason', 'Source', 'Conventions'],
    table_.rules.map((r) => [
      `\`${r.id}\``,
      describeCondition(r.when),
      `**${table_.outcomes[r.then].label}**`,
      r.reason,
      r.source,
      (r.conventions ?? []).join(', ') || '-',
    ]),
  );
  const outcomes = table(
    ['Category', 'Action', 'Interval', 'Review interval (months)', ...(extraOutcome ? ['First assessment'] : []), 'Source'],
    table_.categories.map((c) => {
      const o = table_.outcomes[c];
      const r = o.reviewIntervalMonths;
      const months = r ? (r.min === r.max ? `${r.min}` : `${r.min}-${r.max}`) : 'none';
      return [`\`${String(c)}\` ${o.label}`, o.action, o.interval, months, ...(extraOutcome ? [extraOutcome(c)] : []), o.source];
    }),
  );
  return [
    `## ${table_.title} (\`${table_.ruleSet}\`, rule set version ${table_.ruleSetVersion})`,
    '',
    `Source: ${table_.source}.`,
    '',
    'The category is the most severe result among the rules that hold. Every rule that holds at that category is listed in the result as its reason.',
    '',
    rules,
    '',
    `### Categories of ${table_.ruleSet}`,
    '',
    outcomes,
    '',
    `\`incomplete\`: ${table_.incomplete.action} Interval: ${table_.incomplete.interval}.`,
  ].join('\n');
}

function factsSection(): string {
  return [
    '## Risk factors read by the rule tables',
    '',
    'Each is yes, no or unknown, per person: the worse foot decides (convention C1). Absent feet are left out.',
    '',
    table(
      ['Fact', 'Meaning', 'Read from', 'To settle when unknown'],
      factIds.map((id) => {
        const f = factDefinitions[id];
        return [`\`${id}\``, f.label, f.derivedFrom, f.toSettle];
      }),
    ),
  ].join('\n');
}

function sensationSection(): string {
  return [
    '## Loss of protective sensation (LOPS), per foot',
    '',
    'Reference section c; conventions C2, D1-D5.',
    '',
    `- **Yes** when any sensory test is abnormal (C2): a monofilament site not felt (one is enough); the 128 Hz fork absent (at the toe, or at a proximal site, D5); a VPT of ${vptAbnormalVolts} V or more; the Ipswich Touch Test with ${ipswichAbnormalToes} or more of the 6 toes insensate, counted over both feet (D4). "Reduced" vibration never decides.`,
    `- **No** when no test is abnormal and the monofilament was felt at every site of its protocol (${siteProtocols['iwgdf-3'].requiredSites} sites for \`iwgdf-3\`, ${siteProtocols['10-site'].requiredSites} for \`10-site\`; an amputated site is left out, D2), or the foot's Ipswich toes were all felt (D3).`,
    '- **Unknown** otherwise; the result names the sites to record.',
    '- Per person: yes if any foot is yes; unknown if any foot is unknown and none is yes; otherwise no.',
    '',
    '### Felt / not felt from raw answers (D1)',
    '',
    `A wrong answer is a real application answered "no" or a sham answered "yes". A site is decided once ${requiredRealApplications} real applications and ${requiredShamApplications} sham have been answered; it is not felt when at least half of its answers are wrong (2 of 3 with three answers, as IWGDF), felt otherwise. Before that it is pending. The 128 Hz fork is decided the same way (not felt = vibration absent).`,
  ].join('\n');
}

function padSection(): string {
  return [
    '## Peripheral artery disease (PAD), per foot',
    '',
    'Reference section d ("Engine PAD convention"); conventions C3, C4, C7, D7.',
    '',
    `- **Yes** with both pedal pulses not palpable, or ABI < ${abiPadBelow}, or TBI < ${tbiPadBelow}, or critical ischaemia.`,
    `- **No** with both pulses palpable and no abnormal index; or one pulse not palpable with an ABI of ${abiPadBelow}-${abiUnreliableAbove} (C3) or a TBI of ${tbiPadBelow} or more (D7).`,
    `- An ABI above ${abiUnreliableAbove} is unreliable (non-compressible arteries) and is ignored as evidence of no PAD (C4).`,
    '- A pulse not recorded counts only if both of its possible values give the same answer; otherwise PAD is unknown.',
    '- Per person: as for LOPS.',
  ].join('\n');
}

function scoresSection(): string {
  return [
    '## Neuropathy scores',
    '',
    'Reference section e. A score is given only when all its items are recorded; otherwise it is empty and the missing items are listed.',
    '',
    `- **MNSI examination**, each foot: appearance (deformity, dry skin, callus, infection, fissures) normal 0 / abnormal 1; ulceration 0 / 1; ankle reflex present 0, with reinforcement 0.5, absent 1; vibration at the great toe (128 Hz) present 0, decreased 0.5, absent 1. Maximum 8; abnormal at ${mnsiAbnormalAtOrAbove} or more.`,
    '- **MNSI with monofilament** (revised): adds the monofilament, all sites felt 0, some not felt 0.5 ("reduced", definition unverified), none felt 1. Maximum 10; no cut-off is given (unverified).',
    '- **Neuropathy Disability Score** (0-10), each side: vibration (128 Hz), pin-prick and temperature at the toe normal 0 / abnormal 1; Achilles reflex normal 0, with reinforcement 1, absent 2. Bands 0-2, 3-4, 5-6, 7-10 (a public calculator, secondary).',
  ].join('\n');
}

function redFlagSection(): string {
  const everything: Findings = {
    schemaVersion: 1,
    history: { onMetformin: true },
    symptoms: { neuropathic: true },
    redFlags: { suddenOnset: true, rapidSpread: true, markedAsymmetry: true, motorWeakness: true, weightLoss: true },
    feet: { left: { status: 'present' }, right: { status: 'present' } },
  };
  const causes = otherCausesToConsider(everything, { value: 'unknown', findings: [] }, summariseRedFlags(everything));
  return [
    '## Red flags and other causes to consider',
    '',
    `Reference section f. \`redFlag\` is yes when any of these is recorded: ${redFlagIds.map((id) => redFlagLabels[id].toLowerCase()).join('; ')}. Weight loss prompts its own causes but is not a red flag. A hot swollen foot is active disease (see the rule tables), not a red flag.`,
    '',
    'Prompts (not diagnoses) shown when there is neuropathy (LOPS or neuropathic symptoms) or a red flag; the first four only with their red flag:',
    '',
    table(
      ['Prompt', 'Cause to consider', 'Why', 'Source'],
      causes.map((c) => [`\`${c.id}\``, c.cause, c.why, c.source]),
    ),
  ].join('\n');
}

function warningsSection(): string {
  return [
    '## Consistency warnings',
    '',
    'Each warning in a result names the finding paths involved.',
    '',
    table(
      ['Warning', 'About', 'Source'],
      warningIds.map((id) => [`\`${id}\``, warningCatalogue[id].title, warningCatalogue[id].source]),
    ),
  ].join('\n');
}

function conventionsSection(): string {
  return [
    '## Conventions: where the app chose',
    '',
    'C1-C8 are the reference\'s "Decisions for cases the guidelines leave open". D1-D14 were decided while building the engine where the reference is silent, and need clinical review. A result that depends on one of them lists it.',
    '',
    table(
      ['Id', 'Convention', 'What the app does', 'Source'],
      conventionIds.map((id) => [id, conventions[id].title, conventions[id].text, conventions[id].source]),
    ),
  ].join('\n');
}

function protocolsSection(): string {
  const rows = siteProtocolIds.flatMap((id) =>
    siteProtocols[id].siteKeys.map((key) => {
      const def = siteDefinition(id, key);
      return [`\`${id}\``, `\`${key}\``, def ? `${def.labels.right} / ${def.labels.left}` : key, def?.shortLabel ?? '', def?.surface ?? ''];
    }),
  );
  return [
    '## Site protocols and the foot diagram',
    '',
    `Diagram convention: ${viewingConvention.text} ${viewingConvention.why}`,
    '',
    table(['Protocol', 'Key', 'Label', 'Marker', 'Surface'], rows),
    '',
    `128 Hz tuning fork: ${tuningForkSite.name}, drawn beside the hallux as marker "${tuningForkSite.shortLabel}" with a dashed (dorsal) ring.`,
    '',
    ...siteProtocolIds.map((id) => `- \`${id}\`: ${siteProtocols[id].title}. ${siteProtocols[id].source}.`),
  ].join('\n');
}

export function clinicalRulesMarkdown(): string {
  const firstAssessment = (c: (typeof niceNg19Table.categories)[number]): string => {
    const weeks = niceFirstAssessmentWeeks[c];
    return weeks ? `${weeks.min}-${weeks.max} weeks` : '-';
  };
  return [
    '# Clinical rules of the foot risk engine',
    '',
    '<!-- Generated by `npm run docs:clinical` from shared/clinical. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    `Engine version ${engineVersion}. Each rule and convention below names its published source. This document is generated from the rule tables and constants the engine runs, so it says exactly what the engine does.`,
    '',
    '## How a result is reached',
    '',
    '1. Each foot that exists is read: absent feet (major amputation, congenital) are left out; feet whose examination was declined or unsuitable still count, with unknown results (D8).',
    '2. LOPS and PAD are derived per foot and per person (below), and the other risk factors are read from the findings. Each is yes, no or unknown; a finding that was not recorded is unknown, never normal.',
    '3. Each rule table is evaluated: the most severe rule that holds gives the category. Unknown risk factors are weighed by trying every combination of their values: if all give the same category, that is the result; otherwise the result is `incomplete`, listing the categories still possible and the findings to record (C6, D14).',
    '4. The result lists the rules that fired, with the finding paths that decided them, and every convention it rests on.',
    '',
    factsSection(),
    '',
    ruleTableSection(iwgdf2023Table),
    '',
    ruleTableSection(niceNg19Table, firstAssessment),
    '',
    sensationSection(),
    '',
    padSection(),
    '',
    scoresSection(),
    '',
    redFlagSection(),
    '',
    warningsSection(),
    '',
    conventionsSection(),
    '',
    protocolsSection(),
    '',
  ].join('\n');
}
