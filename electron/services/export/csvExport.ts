import fs from 'node:fs';
import { once } from 'node:events';
import { monofilamentSiteKeys, sides, touchTestSiteKeys } from '#shared/domain/findings';
import type { Delivery } from '#shared/domain/files';
import type { ExportCsvRequest, ExportDataset } from '#shared/domain/recall';
import { csvRow, utf8Bom, type CsvValue } from '#shared/csv/csv';
import { assertNever, ok, type Result } from '#shared/ipc/result';
import {
  type AssessmentExportRow,
  type ExamExportRow,
  type FootExportRow,
  type PatientExportRow,
  type SiteExportRow,
} from '../../db/repositories/exportRepository';
import type { Store } from '../../db/store';
import { localIsoDate, type Clock } from '../clock';
import { formCells, formHeaders } from './formColumns';
import type { FileSink } from '../files/fileSink';
import { yieldToOthers, type JobReporter } from '../jobs/jobProgress';
import type { Actor } from '../actor';
import { writeTransaction } from '../transaction';

/**
 * CSV export of patients, examinations with per-site results, and assessments, for
 * spreadsheets and audits: RFC 4180 cells with formula neutralisation and a UTF-8 BOM
 * (shared/csv), written page by page to the file the FileSink gives (OS save dialog, or a
 * download in the harness), with progress, and one `export.csv` audit entry.
 *
 * Memory stays flat whatever the size: one page of rows is read, turned into text, written, and
 * the next page is read only once the file stream has taken it ('drain').
 */

export const exportPageSize = 1_000;

const yesNo = (v: number | null): string => (v === null ? '' : v === 1 ? 'yes' : 'no');
const tri = (v: string | null): string => (v === null ? '' : v === 'true' ? 'yes' : v === 'false' ? 'no' : v);

/** Names of the columns, in order: one per site of each test and side. */
const footFields = [
  'status',
  'status_reason',
  'lops',
  'pad',
  'vibration_method',
  'vibration_result',
  'vpt_voltage',
  'dorsalis_pedis',
  'posterior_tibial',
  'abi',
  'tbi',
  'active_ulcer',
  'infection',
  'gangrene',
  'callus',
  'fissures',
  'deformity',
  'deformity_types',
  'active_charcot',
  'critical_ischaemia',
  'sites_tested',
  'sites_insensate',
] as const;

const siteColumns: { test: string; key: string; column: (side: string) => string }[] = [
  ...monofilamentSiteKeys.map((key) => ({ test: 'monofilament', key, column: (side: string) => `${side}_monofilament_${key}` })),
  ...touchTestSiteKeys.map((key) => ({ test: 'touch', key, column: (side: string) => `${side}_touch_${key}` })),
  { test: 'vibration', key: '*', column: (side: string) => `${side}_vibration_fork` },
];

const examHead = ['exam_id', 'series_id', 'version', 'state', 'patient_id', 'clinic_identifier', 'examined_on', 'exam_status', 'protocol', 'signed_at', 'signed_by', 'signed_by_name', 'amendment_reason'];

export const exportHeaders: Readonly<Record<ExportDataset, readonly string[]>> = {
  patients: [
    'patient_id', 'clinic_identifier', 'family_name', 'given_names', 'date_of_birth', 'sex', 'national_number', 'diabetes_type', 'diagnosis_year', 'phone',
    'preferred_language', 'notes', 'created_at', 'archived_at', 'last_signed_exam_id', 'last_examined_on', 'nice_category', 'iwgdf_category', 'recall_months', 'next_due_on',
    // Contact, practice and care details, after the first columns so existing readers keep their places.
    'title', 'address_line1', 'address_line2', 'address_line3', 'town', 'postcode', 'mobile_phone', 'email', 'gp_practice', 'gp_practice_code',
    'interpreter_needed', 'relevant_conditions', 'medicines',
  ],
  exams: [
    ...examHead,
    'lops', 'pad', 'red_flag', 'iwgdf_category', 'nice_category',
    ...sides.flatMap((side) => footFields.map((f) => `${side}_${f}`)),
    ...sides.flatMap((side) => siteColumns.map((c) => c.column(side))),
    ...formHeaders,
  ],
  assessments: [
    ...examHead,
    'lops', 'pad', 'red_flag', 'iwgdf_category', 'iwgdf_reasons', 'nice_category', 'nice_reasons', 'warnings', 'mnsi_exam_total', 'nds_total',
    'iwgdf_rule_set', 'nice_rule_set', 'engine_version',
  ],
};

function examCells(e: ExamExportRow): CsvValue[] {
  return [e.id, e.series_id, e.version, e.state, e.patient_id, e.clinic_identifier, e.examined_on, e.exam_status, e.protocol, e.signed_at, e.signed_by, e.signed_by_name, e.amendment_reason];
}

function patientRow(p: PatientExportRow): CsvValue[] {
  return [
    p.id, p.clinic_identifier, p.family_name, p.given_names, p.date_of_birth, p.sex, p.national_number, p.diabetes_type, p.diagnosis_year, p.phone,
    p.preferred_language, p.notes, p.created_at, p.archived_at, p.recall_exam_id, p.recall_examined_on, p.recall_nice, p.recall_iwgdf, p.recall_months, p.recall_due_on,
    p.title, p.address_line1, p.address_line2, p.address_line3, p.town, p.postcode, p.mobile_phone, p.email, p.gp_practice, p.gp_practice_code,
    p.interpreter_needed === 1 ? 'yes' : 'no', p.relevant_conditions, p.medicines,
  ];
}

function footCells(f: FootExportRow | undefined): CsvValue[] {
  if (!f) return footFields.map(() => null);
  const types = f.deformity_types ? (JSON.parse(f.deformity_types) as string[]).join('; ') : null;
  return [
    f.status, f.status_reason, tri(f.lops), tri(f.pad), f.vibration_method, f.vibration_result, f.vpt_voltage, f.dorsalis_pedis, f.posterior_tibial, f.abi, f.tbi,
    yesNo(f.active_ulcer), yesNo(f.infection), yesNo(f.gangrene), yesNo(f.callus), yesNo(f.fissures), yesNo(f.deformity_present), types,
    yesNo(f.active_charcot), yesNo(f.critical_ischaemia), f.sites_tested, f.sites_insensate,
  ];
}

/** "not_felt", or "not_tested (ulcer)"; the fork as "hallux: felt". */
export function siteCell(site: SiteExportRow | undefined, withKey: boolean): string {
  if (!site) return '';
  const result = site.not_tested_reason ? `${site.result} (${site.not_tested_reason})` : site.result;
  return withKey ? `${site.site_key}: ${result}` : result;
}

function examRow(e: ExamExportRow, feet: Map<string, FootExportRow>, sites: Map<string, SiteExportRow>, findings: Map<number, string>): CsvValue[] {
  return [
    ...examCells(e),
    tri(e.lops), tri(e.pad), yesNo(e.red_flag), e.iwgdf_category, e.nice_category,
    ...sides.flatMap((side) => footCells(feet.get(`${e.id}:${side}`))),
    ...sides.flatMap((side) => siteColumns.map((c) => siteCell(sites.get(`${e.id}:${side}:${c.test}:${c.key}`), c.test === 'vibration'))),
    ...formCells(findings.get(e.id)),
  ];
}

function assessmentRow(a: AssessmentExportRow): CsvValue[] {
  return [
    ...examCells(a),
    tri(a.lops), tri(a.pad), yesNo(a.red_flag), a.iwgdf_category, a.iwgdf_reasons, a.nice_category, a.nice_reasons, a.warnings, a.mnsi_total, a.nds_total,
    a.iwgdf_rule_set, a.nice_rule_set, a.engine_version,
  ];
}

export interface CsvExportDeps {
  store: Store;
  clock: Clock;
  files: FileSink;
  pageSize?: number;
}

export class CsvExportService {
  private readonly pageSize: number;

  constructor(private readonly deps: CsvExportDeps) {
    this.pageSize = deps.pageSize ?? exportPageSize;
  }

  async export(request: Omit<ExportCsvRequest, 'jobId'>, actor: Actor, job: JobReporter): Promise<Result<{ delivery: Delivery; rows: number }>> {
    const from = request.dataset === 'patients' ? null : request.from;
    const to = request.dataset === 'patients' ? null : request.to;
    const today = localIsoDate(this.deps.clock.now());
    const range = from || to ? ` ${from ?? 'start'} to ${to ?? today}` : '';
    const name = `Foot screening ${request.dataset}${range} (exported ${today}).csv`;
    let rows = 0;
    const delivery = await this.deps.files.deliver(name, 'csv', 'save', async (target) => {
      rows = await this.write(target, request.dataset, from ?? '', to ?? '9999-12-31', job);
    });
    if (delivery.kind === 'cancelled') return ok({ delivery, rows: 0 });
    return writeTransaction(this.deps.store.db, () => {
      this.deps.store.audit.append({
        at: this.deps.clock.now().toISOString(),
        actor: actor.name,
        action: 'export.csv',
        entity: 'export',
        entityId: request.dataset,
        details: { dataset: request.dataset, rows, from, to },
      });
      return ok({ delivery, rows });
    });
  }

  /** Writes the file page by page; returns the number of data rows. */
  private async write(target: string, dataset: ExportDataset, from: string, to: string, job: JobReporter): Promise<number> {
    const out = fs.createWriteStream(target, { encoding: 'utf8' });
    const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
    const put = async (text: string): Promise<void> => {
      if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
    };
    try {
      await put(utf8Bom + csvRow(exportHeaders[dataset]));
      let written = 0;
      for await (const page of this.pages(dataset, from, to, job)) {
        await put(page.map(csvRow).join(''));
        written += page.length;
        job.advance(written);
        await yieldToOthers();
      }
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
      return written;
    } catch (error) {
      out.destroy();
      throw error;
    }
  }

  private async *pages(dataset: ExportDataset, from: string, to: string, job: JobReporter): AsyncGenerator<CsvValue[][]> {
    const limit = this.pageSize;
    switch (dataset) {
      case 'patients': {
        const maxId = this.deps.store.exports.maxPatientId();
        job.step('Writing patients', this.deps.store.exports.countPatients(maxId));
        for (let afterId = 0; ; ) {
          const page = this.deps.store.exports.patients(afterId, maxId, limit);
          if (page.length === 0) return;
          yield page.map(patientRow);
          afterId = page[page.length - 1]?.id ?? maxId;
        }
      }
      case 'exams':
      case 'assessments': {
        const maxId = this.deps.store.exports.maxExamId();
        job.step(dataset === 'exams' ? 'Writing examinations' : 'Writing assessments', this.deps.store.exports.countExams({ afterId: 0, maxId, from, to }));
        for (let afterId = 0; ; ) {
          const params = { afterId, maxId, from, to, limit };
          if (dataset === 'assessments') {
            const page = this.deps.store.exports.assessments(params);
            if (page.length === 0) return;
            yield page.map(assessmentRow);
            afterId = page[page.length - 1]?.id ?? maxId;
            continue;
          }
          const page = this.deps.store.exports.exams(params);
          const first = page[0];
          const last = page[page.length - 1];
          if (!first || !last) return;
          const feet = new Map(this.deps.store.exports.feet(first.id, last.id).map((f) => [`${f.exam_id}:${f.side}`, f]));
          const sites = new Map(this.deps.store.exports.sites(first.id, last.id).map((s) => [`${s.exam_id}:${s.side}:${s.test}:${s.test === 'vibration' ? '*' : s.site_key}`, s]));
          const findings = new Map(this.deps.store.exports.findings(first.id, last.id).map((f) => [f.exam_id, f.findings_json]));
          yield page.map((e) => examRow(e, feet, sites, findings));
          afterId = last.id;
        }
      }
      default:
        assertNever(dataset, 'export dataset');
    }
  }
}
