import type { Findings } from '../domain/findings';
import type { Assessment, ConclusionRecord, FootAssessment, SiteAssessment } from './assessment';
import { iwgdfResult, niceResult } from './categoryResults';
import type { Conclusion, FootConclusion } from './conclusion';
import type { ConventionId } from './conventions';
import { deriveFacts, factDefinitions, factIds } from './facts';
import { followUpFor } from './followUp';
import { footContext, type FootContext } from './footContext';
import { footSensation, ipswichSummary, type FootSensation, type SiteReading } from './lops';
import { footPad } from './pad';
import { otherCausesToConsider, summariseRedFlags } from './redFlags';
import { mnsiExam } from './scores/mnsi';
import { neuropathyDisabilityScore } from './scores/nds';
import { deriveVibration } from './vibrationDerivation';
import { consistencyWarnings } from './warnings';

/**
 * The clinical engine's one entry point: findings in, assessment out. Pure and deterministic: the
 * same findings always give the same assessment. It does not throw for findings that passed
 * `parseFindings` or `parseStoredFindings`.
 *
 * `engineVersion` changes whenever any rule, threshold or convention changes, so a stored
 * assessment says which engine produced it; each rule set also carries its own version.
 * 2.0.0: revision 2 of the app conventions (never settle on the lower risk when the evidence is
 * ambiguous), Doppler waveforms and toe pressure, and the follow-up.
 */
export const engineVersion = '2.0.0';

interface FootWork {
  ctx: FootContext;
  sensation: FootSensation | null;
  pad: Conclusion | null;
}

function siteRecord(r: SiteReading): SiteAssessment {
  return {
    key: r.key,
    path: r.path,
    name: r.name,
    state: r.site.state,
    reason: r.site.reason,
    note: r.site.note,
    answers: r.site.answers ? { ...r.site.answers } : null,
    explanation: r.site.explanation,
  };
}

function copyConclusion(c: Conclusion): ConclusionRecord {
  const copy: ConclusionRecord = { value: c.value, reason: c.reason, findings: [...c.findings], toSettle: [...c.toSettle], conventions: [...c.conventions] };
  if (c.weak) copy.weak = { reason: c.weak.reason, toSettle: [...c.weak.toSettle] };
  return copy;
}

function footAssessment(work: FootWork): FootAssessment {
  const { ctx, sensation, pad } = work;
  const vibration = sensation?.vibration ?? deriveVibration(undefined, ctx.side);
  return {
    side: ctx.side,
    status: ctx.foot.status,
    statusReason: ctx.foot.statusReason ?? null,
    role: ctx.role,
    notExaminedBecause: ctx.notExaminedBecause,
    lops: sensation ? copyConclusion(sensation.lops) : null,
    pad: pad ? copyConclusion(pad) : null,
    monofilament: {
      protocol: ctx.foot.monofilament?.protocol ?? null,
      sites: (sensation?.sites ?? []).map(siteRecord),
    },
    touchTest: {
      outcome: sensation?.touchTest ?? 'not_done',
      sites: (sensation?.touchSites ?? []).map(siteRecord),
    },
    vibration: {
      method: vibration.method,
      state: vibration.state,
      atToe: vibration.atToe,
      conflict: vibration.conflict,
      answers: vibration.answers ? { ...vibration.answers } : null,
      findings: vibration.findings,
      explanation: vibration.explanation,
    },
  };
}

export function assess(findings: Findings): Assessment {
  const contexts = [footContext(findings, 'right'), footContext(findings, 'left')] as const;
  const ipswich = ipswichSummary(contexts);
  const work = (ctx: FootContext): FootWork =>
    ctx.role === 'absent'
      ? { ctx, sensation: null, pad: null }
      : { ctx, sensation: footSensation(ctx, ipswich), pad: footPad(ctx, findings.symptoms) };
  const right = work(contexts[0]);
  const left = work(contexts[1]);
  const feet: FootWork[] = [right, left];
  const perFootOf = (pick: (f: FootWork) => Conclusion | null): FootConclusion[] =>
    feet.flatMap((f) => {
      const conclusion = pick(f);
      return conclusion ? [{ side: f.ctx.side, conclusion }] : [];
    });
  const facts = deriveFacts(findings, contexts, perFootOf((f) => f.sensation?.lops ?? null), perFootOf((f) => f.pad));

  // Conventions that shape the results without deciding a category.
  const extra: ConventionId[] = [];
  if (feet.some((f) => f.ctx.role === 'examined' && f.ctx.foot.skin?.fissures === true)) extra.push('C8');
  if (feet.some((f) => f.ctx.role === 'not_examined')) extra.push('D8');
  if (feet.every((f) => f.ctx.role === 'absent')) extra.push('D13');

  const redFlags = summariseRedFlags(findings);
  const iwgdf2023 = iwgdfResult(facts, extra);
  const nice = niceResult(facts, extra);
  const riskFactors = factIds.map((id) => {
    const fact = facts[id];
    return {
      id,
      label: factDefinitions[id].label,
      ...copyConclusion(fact),
      perFoot: fact.perFoot ? { ...fact.perFoot } : null,
    };
  });

  return {
    engineVersion,
    examStatus: findings.examStatus ?? 'performed',
    examStatusReason: findings.examStatusReason ?? null,
    lops: facts.lops.value,
    pad: facts.pad.value,
    redFlag: redFlags.redFlag,
    redFlags: {
      present: redFlags.present,
      notRecorded: redFlags.notRecorded,
      weightLoss: redFlags.weightLoss,
      findings: redFlags.findings,
    },
    iwgdf2023,
    nice,
    riskFactors,
    scores: {
      mnsiExam: mnsiExam(feet, false),
      mnsiExamWithMonofilament: mnsiExam(feet, true),
      nds: neuropathyDisabilityScore(feet),
    },
    warnings: consistencyWarnings({ findings, feet, facts, redFlags }),
    perFoot: { right: footAssessment(right), left: footAssessment(left) },
    otherCausesToConsider: otherCausesToConsider(findings, facts.lops, redFlags),
    followUp: followUpFor({ iwgdf2023, nice, pad: facts.pad.value, redFlag: redFlags.redFlag, redFlags, riskFactors }),
  };
}
