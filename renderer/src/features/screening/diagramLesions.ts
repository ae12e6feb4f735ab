import type { Findings } from '#shared/domain/findings';
import { sides } from '#shared/domain/findings';
import type { DiagramLesion } from './FootDiagram';
import { lesionLetters } from './steps/SkinStep';

/** Ulcers, calluses and fissures placed on the diagram from the skin step's "where" lists. */
export function lesionsOf(findings: Findings): DiagramLesion[] {
  return sides.flatMap((side) => {
    const skin = findings.feet[side].skin;
    if (!skin || findings.feet[side].status !== 'present') return [];
    return (Object.keys(lesionLetters) as (keyof typeof lesionLetters)[]).flatMap((list) =>
      (skin[list] ?? []).map((zone) => ({ side, zone, letter: lesionLetters[list].letter, label: `${lesionLetters[list].word} at ${zone}` })),
    );
  });
}
