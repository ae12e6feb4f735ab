import type { Assessment, FootAssessment } from '#shared/clinical/assessment';
import type { SiteProtocolId } from '#shared/clinical/protocols';
import type { SiteState } from '#shared/clinical/siteDerivation';
import { vibrationSiteState } from '#shared/clinical/vibrationSite';
import type { ExamState, ExamSummary } from '#shared/domain/exam';
import type { ExamStatus, Findings, Side } from '#shared/domain/findings';
import type { Db } from '../types';

export interface ExamRow {
  id: number;
  patient_id: number;
  series_id: number;
  version: number;
  state: string;
  exam_status: string;
  protocol: string;
  started_at: string;
  updated_at: string;
  examined_on: string | null;
  signed_at: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  amendment_reason: string | null;
  findings_json: string;
  wizard_json: string | null;
  assessment_json: string | null;
  lops: string | null;
  pad: string | null;
  red_flag: number | null;
  iwgdf_category: string | null;
  nice_category: string | null;
}

interface FootCountRow {
  exam_id: number;
  side: string;
  sites_tested: number | null;
  sites_insensate: number | null;
}

export interface NewDraft {
  patientId: number;
  seriesId: number | null;
  version: number;
  protocol: SiteProtocolId;
  examStatus: ExamStatus;
  examinedOn: string;
  findingsJson: string;
  wizardJson: string | null;
  amendmentReason: string | null;
  now: string;
}

export interface Signature {
  signedBy: string;
  signedByName: string;
  signedAt: string;
}

/** An autosave of a draft. */
export interface DraftChange {
  id: number;
  findingsJson: string;
  wizardJson: string | null;
  examStatus: ExamStatus;
  protocol: SiteProtocolId;
  now: string;
}

type Tri = 'true' | 'false' | 'unknown';

interface SignParams extends Signature {
  id: number;
  findingsJson: string;
  assessmentJson: string;
  examStatus: ExamStatus;
  protocol: SiteProtocolId;
  lops: Tri;
  pad: Tri;
  redFlag: 0 | 1;
  iwgdf: string;
  nice: string;
  iwgdfRuleSet: string;
  niceRuleSet: string;
  engineVersion: string;
}

/** One foot's findings written out for queries (exam_foot). */
interface FootRow {
  examId: number;
  side: Side;
  status: string;
  statusReason: string | null;
  lops: Tri | null;
  pad: Tri | null;
  vibrationMethod: string | null;
  vibrationResult: string;
  vptVoltage: number | null;
  dorsalisPedis: string | null;
  posteriorTibial: string | null;
  abi: number | null;
  tbi: number | null;
  activeUlcer: number | null;
  infection: number | null;
  gangrene: number | null;
  callus: number | null;
  fissures: number | null;
  deformityPresent: number | null;
  deformityTypes: string | null;
  activeCharcot: number | null;
  criticalIschaemia: number | null;
  sitesTested: number | null;
  sitesInsensate: number | null;
}

/** One site's result (exam_site_result). */
interface SiteRow {
  examId: number;
  side: Side;
  test: 'monofilament' | 'touch' | 'vibration';
  siteKey: string;
  result: SiteState;
  reason: string | null;
  applications: string | null;
}

const tri = (v: boolean | 'unknown'): Tri => (v === 'unknown' ? 'unknown' : v ? 'true' : 'false');
const bool = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);

/** Raw SQL, prepared once. The JSON columns are the canonical record; the rest is for queries. */
export class ExamRepository {
  private readonly byIdStmt;
  private readonly draftOfPatientStmt;
  private readonly ofPatientStmt;
  private readonly footCountsStmt;
  private readonly insertStmt;
  private readonly setSeriesStmt;
  private readonly saveDraftStmt;
  private readonly signStmt;
  private readonly supersedeStmt;
  private readonly discardStmt;
  private readonly deleteFeetStmt;
  private readonly deleteSitesStmt;
  private readonly insertFootStmt;
  private readonly insertSiteStmt;

  constructor(db: Db) {
    this.byIdStmt = db.prepare<[number], ExamRow>('SELECT * FROM exam WHERE id = ?');
    this.draftOfPatientStmt = db.prepare<[number], ExamRow>("SELECT * FROM exam WHERE patient_id = ? AND state = 'draft'");
    this.ofPatientStmt = db.prepare<[number], ExamRow>(
      `SELECT id, patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on, signed_at,
              signed_by, signed_by_name, amendment_reason, '' AS findings_json, NULL AS wizard_json, NULL AS assessment_json,
              lops, pad, red_flag, iwgdf_category, nice_category
       FROM exam WHERE patient_id = ? AND state <> 'discarded'
       ORDER BY COALESCE(examined_on, substr(started_at, 1, 10)) DESC, id DESC`,
    );
    this.footCountsStmt = db.prepare<[number], FootCountRow>(
      `SELECT f.exam_id, f.side, f.sites_tested, f.sites_insensate FROM exam_foot f JOIN exam e ON e.id = f.exam_id WHERE e.patient_id = ?`,
    );
    this.insertStmt = db.prepare<[NewDraft]>(
      `INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on,
                         amendment_reason, findings_json, wizard_json)
       VALUES (@patientId, COALESCE(@seriesId, 0), @version, 'draft', @examStatus, @protocol, @now, @now, @examinedOn,
               @amendmentReason, @findingsJson, @wizardJson)`,
    );
    this.setSeriesStmt = db.prepare<[{ id: number }]>('UPDATE exam SET series_id = id WHERE id = @id AND series_id = 0');
    this.saveDraftStmt = db.prepare<[DraftChange]>(
      `UPDATE exam SET findings_json = @findingsJson, wizard_json = @wizardJson, exam_status = @examStatus, protocol = @protocol,
         updated_at = @now
       WHERE id = @id AND state = 'draft'`,
    );
    this.signStmt = db.prepare<[SignParams]>(
      `UPDATE exam SET state = 'signed', findings_json = @findingsJson, wizard_json = NULL, assessment_json = @assessmentJson,
         exam_status = @examStatus, protocol = @protocol, updated_at = @signedAt, signed_at = @signedAt, signed_by = @signedBy,
         signed_by_name = @signedByName, lops = @lops, pad = @pad, red_flag = @redFlag, iwgdf_category = @iwgdf,
         nice_category = @nice, iwgdf_rule_set = @iwgdfRuleSet, nice_rule_set = @niceRuleSet, engine_version = @engineVersion
       WHERE id = @id AND state = 'draft'`,
    );
    this.supersedeStmt = db.prepare<[{ seriesId: number; currentId: number; now: string }]>(
      "UPDATE exam SET state = 'superseded', updated_at = @now WHERE series_id = @seriesId AND state = 'signed' AND id <> @currentId",
    );
    this.discardStmt = db.prepare<[{ id: number; now: string }]>("UPDATE exam SET state = 'discarded', updated_at = @now WHERE id = @id AND state = 'draft'");
    this.deleteFeetStmt = db.prepare<[{ examId: number }]>('DELETE FROM exam_foot WHERE exam_id = @examId');
    this.deleteSitesStmt = db.prepare<[{ examId: number }]>('DELETE FROM exam_site_result WHERE exam_id = @examId');
    this.insertFootStmt = db.prepare<[FootRow]>(
      `INSERT INTO exam_foot (exam_id, side, status, status_reason, lops, pad, vibration_method, vibration_result, vpt_voltage,
         dorsalis_pedis, posterior_tibial, abi, tbi, active_ulcer, infection, gangrene, callus, fissures, deformity_present,
         deformity_types, active_charcot, critical_ischaemia, sites_tested, sites_insensate)
       VALUES (@examId, @side, @status, @statusReason, @lops, @pad, @vibrationMethod, @vibrationResult, @vptVoltage,
         @dorsalisPedis, @posteriorTibial, @abi, @tbi, @activeUlcer, @infection, @gangrene, @callus, @fissures, @deformityPresent,
         @deformityTypes, @activeCharcot, @criticalIschaemia, @sitesTested, @sitesInsensate)`,
    );
    this.insertSiteStmt = db.prepare<[SiteRow]>(
      `INSERT OR REPLACE INTO exam_site_result (exam_id, side, test, site_key, result, not_tested_reason, applications_json)
       VALUES (@examId, @side, @test, @siteKey, @result, @reason, @applications)`,
    );
  }

  findById(id: number): ExamRow | null {
    return this.byIdStmt.get(id) ?? null;
  }

  draftOf(patientId: number): ExamRow | null {
    return this.draftOfPatientStmt.get(patientId) ?? null;
  }

  /** Every exam of a patient (drafts, signed, superseded), newest first, without the JSON. */
  summariesOf(patientId: number): ExamSummary[] {
    const counts = new Map<string, { tested: number; insensate: number }>();
    for (const c of this.footCountsStmt.all(patientId)) {
      if (c.sites_tested !== null) counts.set(`${c.exam_id}:${c.side}`, { tested: c.sites_tested, insensate: c.sites_insensate ?? 0 });
    }
    return this.ofPatientStmt.all(patientId).map((row) => ({
      ...summaryOf(row),
      sites: { right: counts.get(`${row.id}:right`) ?? null, left: counts.get(`${row.id}:left`) ?? null },
    }));
  }

  insertDraft(d: NewDraft): number {
    const id = Number(this.insertStmt.run(d).lastInsertRowid);
    this.setSeriesStmt.run({ id });
    return id;
  }

  saveDraft(change: DraftChange): boolean {
    return this.saveDraftStmt.run(change).changes === 1;
  }

  discard(id: number, now: string): boolean {
    return this.discardStmt.run({ id, now }).changes === 1;
  }

  /**
   * Signs a draft: the findings and assessment as JSON, the headline results in columns, and
   * every foot and site written out for queries. Earlier signed versions of the series become
   * superseded. Call inside a transaction.
   */
  sign(row: ExamRow, findings: Findings, assessment: Assessment, protocol: SiteProtocolId, signature: Signature): boolean {
    const changed = this.signStmt.run({
      id: row.id,
      findingsJson: JSON.stringify(findings),
      assessmentJson: JSON.stringify(assessment),
      examStatus: assessment.examStatus,
      protocol,
      ...signature,
      lops: tri(assessment.lops),
      pad: tri(assessment.pad),
      redFlag: assessment.redFlag ? 1 : 0,
      iwgdf: String(assessment.iwgdf2023.category),
      nice: assessment.nice.category,
      iwgdfRuleSet: `${assessment.iwgdf2023.ruleSet}@${assessment.iwgdf2023.ruleSetVersion}`,
      niceRuleSet: `${assessment.nice.ruleSet}@${assessment.nice.ruleSetVersion}`,
      engineVersion: assessment.engineVersion,
    }).changes;
    if (changed !== 1) return false;
    this.supersedeStmt.run({ seriesId: row.series_id, currentId: row.id, now: signature.signedAt });
    this.deleteFeetStmt.run({ examId: row.id });
    this.deleteSitesStmt.run({ examId: row.id });
    for (const side of ['right', 'left'] as const) this.writeFoot(row.id, side, findings, assessment.perFoot[side]);
    return true;
  }

  private writeFoot(examId: number, side: Side, findings: Findings, foot: FootAssessment): void {
    const f = findings.feet[side];
    const siteRows = [
      ...foot.monofilament.sites.map((s) => ({ test: 'monofilament' as const, s })),
      ...foot.touchTest.sites.map((s) => ({ test: 'touch' as const, s })),
    ];
    const decided = siteRows.filter(({ s }) => s.state === 'felt' || s.state === 'not_felt');
    const vibration = f.vibration;
    this.insertFootStmt.run({
      examId,
      side,
      status: f.status,
      statusReason: f.statusReason ?? null,
      lops: foot.lops ? tri(foot.lops.value) : null,
      pad: foot.pad ? tri(foot.pad.value) : null,
      vibrationMethod: vibration?.method ?? null,
      vibrationResult: foot.vibration.state,
      vptVoltage: vibration?.method === 'vpt' ? vibration.voltage : null,
      dorsalisPedis: f.pulses?.dorsalisPedis ?? null,
      posteriorTibial: f.pulses?.posteriorTibial ?? null,
      abi: f.abi ?? null,
      tbi: f.tbi ?? null,
      activeUlcer: bool(f.skin?.activeUlcer),
      infection: bool(f.skin?.infection),
      gangrene: bool(f.skin?.gangrene),
      callus: bool(f.skin?.callus),
      fissures: bool(f.skin?.fissures),
      deformityPresent: bool(f.deformity?.present),
      deformityTypes: f.deformity?.types ? JSON.stringify(f.deformity.types) : null,
      activeCharcot: bool(f.activeCharcot),
      criticalIschaemia: bool(f.criticalIschaemia),
      sitesTested: foot.role === 'examined' ? decided.length : null,
      sitesInsensate: foot.role === 'examined' ? decided.filter(({ s }) => s.state === 'not_felt').length : null,
    });
    const rawSites: Record<string, unknown> = { ...(f.monofilament?.sites ?? {}) };
    const rawTouch: Record<string, unknown> = { ...(f.touchTest?.sites ?? {}) };
    for (const { test, s } of siteRows) {
      const raw = (test === 'touch' ? rawTouch : rawSites)[s.key];
      const applications = raw && typeof raw === 'object' && 'applications' in raw ? JSON.stringify(raw.applications) : null;
      this.insertSiteStmt.run({ examId, side, test, siteKey: s.key, result: s.state, reason: s.reason, applications });
    }
    // The fork as a site, felt or not felt; "reduced" is neither and gets no site row.
    const forkResult = vibration?.method === 'tuning-fork-128' ? vibrationSiteState(foot.vibration.state) : null;
    if (vibration?.method === 'tuning-fork-128' && forkResult !== null) {
      this.insertSiteStmt.run({
        examId,
        side,
        test: 'vibration',
        siteKey: vibration.site ?? 'hallux',
        result: forkResult,
        reason: null,
        applications: vibration.applications ? JSON.stringify(vibration.applications) : null,
      });
    }
  }
}

export function summaryOf(row: ExamRow): Omit<ExamSummary, 'sites'> {
  return {
    id: row.id,
    patientId: row.patient_id,
    seriesId: row.series_id,
    version: row.version,
    // CHECK constraints of the table guarantee these values.
    state: row.state as ExamState,
    examStatus: row.exam_status as ExamStatus,
    protocol: row.protocol as SiteProtocolId,
    examinedOn: row.examined_on,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
    signedBy: row.signed_by,
    signedByName: row.signed_by_name,
    amendmentReason: row.amendment_reason,
    lops: row.lops as ExamSummary['lops'],
    pad: row.pad as ExamSummary['pad'],
    redFlag: row.red_flag === null ? null : row.red_flag === 1,
    iwgdfCategory: row.iwgdf_category as ExamSummary['iwgdfCategory'],
    niceCategory: row.nice_category as ExamSummary['niceCategory'],
  };
}
