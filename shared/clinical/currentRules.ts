import type { Findings } from '../domain/findings';
import { assess, engineVersion } from './assess';
import type { Assessment } from './assessment';
import { iwgdf2023Table } from './iwgdf2023';
import { niceNg19Table } from './niceNg19';

/**
 * A signed exam keeps the assessment and the rule-set versions it was signed under. When the
 * rules have changed since, the history, compare and report views show beside it what the
 * current rules give ("under the current rules: ..."), without changing the record.
 */

/** The rule sets the engine runs now, as signed assessments record them. */
export const currentRuleSets = {
  engine: engineVersion,
  iwgdf2023: iwgdf2023Table.ruleSetVersion,
  nice: niceNg19Table.ruleSetVersion,
} as const;

export interface GuidelineComparison {
  guideline: 'IWGDF 2023' | 'NICE NG19';
  /** The category as signed, and its label. */
  signed: { category: string; label: string; possibleCategories: string[] };
  /** The category under the current rules. */
  current: { category: string; label: string; possibleCategories: string[] };
  /** Another category, or for an incomplete one, other categories it could be. */
  differs: boolean;
}

export interface CurrentRulesComparison {
  /** The signed assessment was made under other rule-set or engine versions. */
  rulesChanged: boolean;
  /** "IWGDF-2023 1.0.0, NICE-NG19 1.0.0, engine 1.0.0". */
  signedUnder: string;
  currentRules: string;
  /** Either guideline gives a different category under the current rules. */
  differs: boolean;
  iwgdf2023: GuidelineComparison;
  nice: GuidelineComparison;
  /**
   * One sentence to show beside the signed categories, or null when nothing differs:
   * "Under the current rules: IWGDF 2023 Incomplete (could be Category 0 (very low risk) or
   * Category 3 (high risk)), signed as Category 0 (very low risk)."
   */
  text: string | null;
  /** The assessment under the current rules (null when the rules have not changed). */
  current: Assessment | null;
}

function versionsOf(a: Pick<Assessment, 'engineVersion' | 'iwgdf2023' | 'nice'>): string {
  return `${a.iwgdf2023.ruleSet} ${a.iwgdf2023.ruleSetVersion}, ${a.nice.ruleSet} ${a.nice.ruleSetVersion}, engine ${a.engineVersion}`;
}

type Result = Assessment['iwgdf2023'] | Assessment['nice'];

function view(result: Result): GuidelineComparison['signed'] {
  return { category: String(result.category), label: result.label, possibleCategories: result.possibleCategories.map(String) };
}

function labelOf(result: Result, table: typeof iwgdf2023Table | typeof niceNg19Table, category: string): string {
  const outcomes = table.outcomes as Readonly<Record<string, { label: string }>>;
  return outcomes[category]?.label ?? (category === 'incomplete' ? result.label : category);
}

function compare(guideline: GuidelineComparison['guideline'], signed: Result, current: Result): GuidelineComparison {
  const sameCategory = String(signed.category) === String(current.category);
  const samePossible = signed.possibleCategories.map(String).join(',') === current.possibleCategories.map(String).join(',');
  return { guideline, signed: view(signed), current: view(current), differs: !sameCategory || !samePossible };
}

function words(result: Result, table: typeof iwgdf2023Table | typeof niceNg19Table): string {
  if (result.category !== 'incomplete') return result.label;
  const could = result.possibleCategories.map((c) => labelOf(result, table, String(c))).join(' or ');
  return `${result.label} (could be ${could})`;
}

/**
 * What the current rules give for a signed exam's findings, next to what was signed. Pure and
 * deterministic; the findings are the stored ones (read with the stored schema), never changed.
 */
export function underCurrentRules(signed: Assessment, findings: Findings): CurrentRulesComparison {
  const signedUnder = versionsOf(signed);
  const currentRules = `${iwgdf2023Table.ruleSet} ${currentRuleSets.iwgdf2023}, ${niceNg19Table.ruleSet} ${currentRuleSets.nice}, engine ${currentRuleSets.engine}`;
  const rulesChanged = signedUnder !== currentRules;
  if (!rulesChanged) {
    // The engine is deterministic: the same rules give the same result.
    return {
      rulesChanged,
      signedUnder,
      currentRules,
      differs: false,
      iwgdf2023: compare('IWGDF 2023', signed.iwgdf2023, signed.iwgdf2023),
      nice: compare('NICE NG19', signed.nice, signed.nice),
      text: null,
      current: null,
    };
  }
  const current = assess(findings);
  const iwgdf = compare('IWGDF 2023', signed.iwgdf2023, current.iwgdf2023);
  const nice = compare('NICE NG19', signed.nice, current.nice);
  const parts: string[] = [];
  if (iwgdf.differs) parts.push(`IWGDF 2023 ${words(current.iwgdf2023, iwgdf2023Table)}, signed as ${words(signed.iwgdf2023, iwgdf2023Table)}`);
  if (nice.differs) parts.push(`NICE NG19 ${words(current.nice, niceNg19Table)}, signed as ${words(signed.nice, niceNg19Table)}`);
  const differs = parts.length > 0;
  return {
    rulesChanged,
    signedUnder,
    currentRules,
    differs,
    iwgdf2023: iwgdf,
    nice,
    text: differs ? `Under the current rules: ${parts.join('; ')}.` : null,
    current,
  };
}
