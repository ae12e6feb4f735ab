import type { Findings } from '../domain/findings';
import { engineVersion } from './assess';
import { measurementLimits, waveformResults } from '../domain/findings';
import { emergencyHeading, emergencySigns } from '../report/patientAdvice';
import { conventionIds, conventions, conventionsRevision } from './conventions';
import { footReferralLevels, footReferralWords, limbThreateningWords } from './followUp';
import { factDefinitions, factIds } from './facts';
import { viewingConvention } from './footGeometry';
import { iwgdf2023Table } from './iwgdf2023';
import { ipswichAbnormalToes } from './lops';
import { niceFirstAssessmentWeeks, niceNg19Table } from './niceNg19';
import { abiPadBelow, abiUnreliableAbove, tbiBorderlineBelow, tbiPadBelow, toePressurePadBelow } from './pad';
import { siteProtocolIds, siteProtocols, siteDefinition, tuningForkSite } from './protocols';
import { otherCausesToConsider, redFlagIds, redFlagLabels, summariseRedFlags } from './redFlags';
import type { Condition, RuleTable } from './ruleEngine';
import { mnsiAbnormalAtOrAbove } from './scores/mnsi';
import { sources } from './sources';
import { requiredRealApplications, requiredShamApplications } from './siteDerivation';
import { vptAbnormalVolts } from './vibrationDerivation';
import { warningCatalogue, warningIds } from './warnings';

/**
 * docs/clinical-rules.md, generated from the rule tables, the decisions and the engine's constants
 * so a clinical reviewer can read every rule with its published source without reading code, and
 * the document cannot drift from what the engine does (a test fails when the committed file is
 * stale). It names no file outside the repository.
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
    ...(table_.firmNoWhen
      ? [
          '',
          `When ${describeCondition(table_.firmNoWhen.when)} is recorded, a "no" for ${table_.firmNoWhen.facts.map((f) => factDefinitions[f].noun).join(' or ')} counts only when it is firm; otherwise it is weighed like an unknown (${table_.firmNoWhen.conventions.join(', ')}, decision 5).`,
        ]
      : []),
  ].join('\n');
}

function factsSection(): string {
  return [
    '## Risk factors read by the rule tables',
    '',
    'Each is yes, no or unknown, per person: the worse foot decides (decision 1). Absent feet are left out of LOPS and PAD, and each counts as a major amputation (decision 1).',
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
    'IWGDF 2023 monofilament and 128 Hz fork procedures, the Ipswich Touch Test; decisions 2 and 5; D1-D5.',
    '',
    `- **Yes** when any sensory test is abnormal (decision 2): a monofilament site not felt (one is enough); the 128 Hz fork absent (at the toe, or at a proximal site, D5); a VPT of ${vptAbnormalVolts} V or more; the Ipswich Touch Test with ${ipswichAbnormalToes} or more of the 6 toes insensate, counted over both feet (D4). "Reduced" vibration never decides.`,
    '- **Undecided** on a foot with exactly 1 of the 6 Ipswich toes insensate (or a toe not tested that could make it 1) until the monofilament is done on that foot (decision 2): recording a toe as not felt can never lower a result.',
    `- **No** when no test is abnormal and the monofilament was felt at every site of its protocol (${siteProtocols['iwgdf-3'].requiredSites} sites for \`iwgdf-3\`, ${siteProtocols['10-site'].requiredSites} for \`10-site\`; an amputated site is left out, D2), or the foot's Ipswich toes were all felt with none insensate on either foot (D3).`,
    `- The "no" is **firm** (decision 5) only with every monofilament site felt **and** a normal 128 Hz fork at the toe or a VPT below ${vptAbnormalVolts} V.`,
    '- **Unknown** otherwise; the result names the sites to record.',
    '- Per person: yes if any foot is yes; unknown if any foot is unknown and none is yes; otherwise no (firm only if every foot is firm).',
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
    'IWGDF 2023 and IWGDF/ESVS/SVS 2023; decisions 3, 4, 5, 7 and 9; D7, D15.',
    '',
    `- **Yes** with any sign: both pedal pulses not palpable; ABI below ${abiPadBelow}; TBI below ${tbiPadBelow.toFixed(2)}; a monophasic or absent Doppler waveform at a pedal artery; a toe pressure below ${toePressurePadBelow} mmHg (with the warning "urgent vascular assessment"; not by itself active disease); critical ischaemia.`,
    `- **No** with both pulses palpable and no sign; or one pulse not palpable with an ABI of ${abiPadBelow}-${abiUnreliableAbove} (decision 3) or a TBI of ${tbiPadBelow.toFixed(2)} or more (D7). Two exceptions need a normal index as well:`,
    `  - an ABI above ${abiUnreliableAbove} (non-compressible arteries) neither proves nor excludes PAD: it needs a TBI of ${tbiPadBelow.toFixed(2)} or more or a triphasic or biphasic waveform on that foot (decision 4);`,
    `  - with claudication or rest pain, palpable pulses need an ABI of ${abiPadBelow}-${abiUnreliableAbove}, a TBI of ${tbiPadBelow.toFixed(2)} or more, or a triphasic or biphasic waveform (decision 7).`,
    '- **Undecided** otherwise, saying what to record (pulses, ABI, TBI or waveforms). A pulse not recorded counts only if both of its possible values give the same answer.',
    '- The "no" is **firm** (decision 5) only with both pulses palpable and a normal index (ABI 0.9-1.3, TBI 0.70 or more, or a triphasic or biphasic waveform).',
    `- A TBI of ${tbiPadBelow.toFixed(2)}-${(tbiBorderlineBelow - 0.01).toFixed(2)} is normal by the IWGDF 2023 cut-off but gives the warning "borderline TBI" (decision 9).`,
    '- Toe pressure: `toePressure`, or the toe pressure behind the TBI (`pressures.toe`); the lower counts (D15).',
    '- Per person: as for LOPS.',
  ].join('\n');
}

function followUpSection(): string {
  const levels = footReferralLevels.map((level) => {
    const basis = level === 'immediate' ? 'NICE active (or IWGDF urgent) with a limb-threatening finding' : level === 'active' ? 'NICE active or IWGDF urgent' : level === 'high' ? 'NICE high or IWGDF 3' : 'NICE moderate or IWGDF 2';
    const words = footReferralWords(level);
    return [`\`${level}\``, basis, words.recipient, words.headline];
  });
  return [
    '## Follow-up: review and referral',
    '',
    'Every assessment carries its follow-up (`followUp`), which the screens, reports and recall read: one answer (decisions 6 and 10).',
    '',
    '- **Review**: months to the next foot screen = the lower end of the shortest review interval among the categories each guideline gives or, when incomplete, could give (decision 6). Active disease has no review date: it needs referral, and screening resumes once it has resolved.',
    '- **Foot referral**: the most urgent referral any category the result is, or could be, requires. `provisional` when only a category the incomplete result could be requires it: the letter is offered with the reason until the result is settled.',
    '- **Medical review**: a red flag of an atypical neuropathy is referred to a GP or physician (decision 10), beside any foot referral, not to the foot protection service.',
    '- A summary never says "not warranted" while an action asks for a referral (decision 10).',
    `- Limb-threatening findings (the engine can see): ${limbThreateningWords.replace('ulcer with fever or sepsis, ', '').replace('deep soft-tissue or bone infection, ', '')} (the others on the NICE list need the clinician).`,
    '',
    table(['Level', 'When', 'To', 'How soon'], levels),
    '',
    'IWGDF 2023 gives screening intervals, not referral times, so an IWGDF category takes the NICE level of the same name (an app convention). Source: ' + sources.referral + '.',
    '',
    '### What the patient is told (decision 11)',
    '',
    `With active foot disease the patient copy starts with: "${emergencyHeading({ emergencyNumber: '<emergency number>' })}" ${emergencySigns.join('; ')}, then the clinic's own phone number. The clinic and emergency numbers come from the clinic; when one is not given the copy says who to call in words, never a blank line.`,
  ].join('\n');
}

function inputSection(): string {
  const { abi, tbi, toePressure } = measurementLimits;
  return [
    '## Findings accepted',
    '',
    'Findings are strict objects: a misspelt field is an error, and anything left out is "not recorded" (unknown, never normal). Each foot may record Doppler waveforms `waveforms: { dorsalisPedis, posteriorTibial }` (each `' + waveformResults.join('`, `') + '`) and `toePressure` in mmHg (decision 9).',
    '',
    `New input (the screening, \`npm run score\`, signing) is refused with the field named when a measurement is implausible: ${abi.message}; ${tbi.message}; ${toePressure.message}. Stored records are read with the limits they were accepted under (an ABI of up to 5 and a TBI of up to 3 were accepted before), so every signed exam still loads; the engine scores them as they are.`,
  ].join('\n');
}

function currentRulesSection(): string {
  return [
    '## Signed exams and the current rules',
    '',
    `A signed exam keeps the assessment and the rule-set versions it was signed under (now: ${iwgdf2023Table.ruleSet} ${iwgdf2023Table.ruleSetVersion}, ${niceNg19Table.ruleSet} ${niceNg19Table.ruleSetVersion}, engine ${engineVersion}). When it was signed under other versions and the current rules give another category (or, for an incomplete one, other possible categories), the history, compare and report views show beside it "Under the current rules: ..." without changing the record. Assessments signed before revision 2 have no stored follow-up: it is derived from their signed categories.`,
  ].join('\n');
}

function scoresSection(): string {
  return [
    '## Neuropathy scores',
    '',
    'A score is given only when all its items are recorded; otherwise it is empty and the missing items are listed.',
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
    `Red flags of an atypical neuropathy (medvellum.com; hospitalhandbook.ucsf.edu): \`redFlag\` is yes when any of these is recorded: ${redFlagIds.map((id) => redFlagLabels[id].toLowerCase()).join('; ')}. Weight loss prompts its own causes but is not a red flag. A hot swollen foot is active disease (see the rule tables), not a red flag.`,
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

function decisionsSection(): string {
  const decisions = conventionIds.filter((id) => id.startsWith('C'));
  return [
    `## Decisions for cases the guidelines leave open (the app's conventions, revision ${conventionsRevision})`,
    '',
    'Where the evidence is ambiguous, the answer is "not decided yet" with what to record next, never the lower category. Revision 2 changed decisions 1, 2, 4, 5, 6 and 7 and added 9-11, after a clinical review and a differential test found inputs where the first version settled on a lower risk than a cautious clinician would. A result that depends on a decision names it (`conventions`, and "decision N" in its reasons).',
    '',
    ...decisions.flatMap((id) => [`### ${conventions[id].title} (\`${id}\`)`, '', conventions[id].text, '', `Source: ${conventions[id].source}.`, '']),
  ].join('\n');
}

function engineDecisionsSection(): string {
  return [
    '## Engine decisions where the conventions are silent',
    '',
    'D1-D15 were decided while building the engine and need clinical review. A result that depends on one of them lists it.',
    '',
    table(
      ['Id', 'Decision', 'What the app does', 'Source'],
      conventionIds.filter((id) => id.startsWith('D')).map((id) => [id, conventions[id].title, conventions[id].text, conventions[id].source]),
    ),
  ].join('\n');
}

function sourcesSection(): string {
  return ['## Published sources', '', 'Every rule, decision and warning above cites one of these (as the engine words them).', '', ...Object.values(sources).map((s) => `- ${s}`)].join('\n');
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
    `Engine version ${engineVersion}; the app's conventions, revision ${conventionsRevision}; rule sets ${iwgdf2023Table.ruleSet} ${iwgdf2023Table.ruleSetVersion} and ${niceNg19Table.ruleSet} ${niceNg19Table.ruleSetVersion}. This document is generated from the rule tables, decisions and constants the engine runs, so it says exactly what the engine does, and why, with the published source of each rule.`,
    '',
    '## How a result is reached',
    '',
    '1. Each foot that exists is read: absent feet (major amputation, congenital) are left out of LOPS and PAD and count as a major amputation (decision 1); feet whose examination was declined or unsuitable still count, with unknown results (D8).',
    '2. LOPS and PAD are derived per foot and per person (below), and the other risk factors are read from the findings. Each is yes, no or unknown; a finding that was not recorded is unknown, never normal. A "no" for LOPS or PAD is firm or not (decision 5).',
    '3. Each rule table is evaluated: the most severe rule that holds gives the category. Unknown risk factors are weighed by trying every combination of their values: if all give the same category, that is the result; otherwise the result is `incomplete`, listing the categories still possible and the findings to record (decision 6, D14). For IWGDF, with ulcer or amputation history or ESRD, a "no" that is not firm is weighed like an unknown (decision 5).',
    '4. The result lists the rules that fired, with the finding paths that decided them, every decision it rests on, the consistency warnings, and the follow-up: when the next screen is due and which referrals are called for (decisions 6 and 10).',
    '',
    decisionsSection(),
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
    followUpSection(),
    '',
    inputSection(),
    '',
    currentRulesSection(),
    '',
    scoresSection(),
    '',
    redFlagSection(),
    '',
    warningsSection(),
    '',
    engineDecisionsSection(),
    '',
    protocolsSection(),
    '',
    sourcesSection(),
    '',
  ].join('\n');
}
