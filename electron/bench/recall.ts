import { defaultRecallSettings } from '#shared/domain/recallSettings';
import { addDays, addMonths } from '#shared/text/dates';
import { AuditRepository } from '../db/repositories/auditRepository';
import { dashboardSql, type DashboardRange } from '../db/repositories/dashboardRepository';
import { PatientRepository } from '../db/repositories/patientRepository';
import { RecallRepository, worklistSql, type WorklistPageParams } from '../db/repositories/recallRepository';
import type { Db } from '../db/types';
import { localIsoDate } from '../services/clock';
import { seededRandom, syntheticPatient } from '../services/demo/syntheticPatients';
import { worklistFilter } from '../services/recall/recallService';
import { openTestApp, signedInContext } from '../testing/testApp';
import { compare, type Comparison } from './measure';

/**
 * Worklist and dashboard at clinic scale: `patients` synthetic patients with about
 * five signed examinations each (500,000 for 100,000), loaded with direct inserts rather than
 * through sign-off (the figures are about reading), then the recall columns computed once.
 */

interface Mix {
  nice: string;
  iwgdf: string;
}

/** Roughly a clinic's case mix: mostly low risk, some moderate and high, a little active or incomplete. */
function categoryOf(r: number): Mix {
  if (r < 0.55) return { nice: 'low', iwgdf: r < 0.4 ? '0' : '1' };
  if (r < 0.8) return { nice: 'moderate', iwgdf: r < 0.7 ? '1' : '2' };
  if (r < 0.95) return { nice: 'high', iwgdf: r < 0.88 ? '2' : '3' };
  if (r < 0.97) return { nice: 'active', iwgdf: 'urgent' };
  return { nice: 'incomplete', iwgdf: 'incomplete' };
}

export function buildClinic(db: Db, patients: number, examsPerPatient: number, today: string): { exams: number } {
  const random = seededRandom(7);
  const repo = new PatientRepository(db);
  const audit = new AuditRepository(db);
  const now = new Date().toISOString();
  const thisYear = Number(today.slice(0, 4));
  db.transaction(() => {
    for (let i = 1; i <= patients; i++) repo.insert(syntheticPatient(i, random, thisYear), now);
  })();
  const insert = db.prepare(
    `INSERT INTO exam (id, patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on, signed_at, signed_by,
       signed_by_name, amendment_reason, findings_json, assessment_json, lops, pad, red_flag, iwgdf_category, nice_category, iwgdf_rule_set, nice_rule_set, engine_version)
     VALUES (@id, @patientId, @seriesId, @version, @state, @status, 'iwgdf-3', @at, @at, @on, @at, 'bench', 'Bench Nurse', @reason, '{}', '{}',
       'false', 'false', 0, @iwgdf, @nice, 'IWGDF-2023@1.0.0', 'NICE-NG19@1.0.0', 'bench')`,
  );
  const contact = db.prepare(
    `INSERT INTO recall_contact (patient_id, contacted_on, kind, note, recorded_by, recorded_at) VALUES (?, ?, ?, NULL, 'bench', ?)`,
  );
  const archive = db.prepare('UPDATE patient SET archived_at = ? WHERE id = ?');
  let id = 0;
  const target = patients * examsPerPatient;
  db.transaction(() => {
    for (let p = 1; p <= patients; p++) {
      // 5 % never screened; the others get a share of the exams that averages out to the target.
      const count = random() < 0.05 ? 0 : Math.max(1, Math.round(random() * 2 * (target / patients / 0.95)));
      let on = addDays(today, -Math.floor(random() * 730));
      for (let k = 0; k < count && id < target; k++) {
        const mix = categoryOf(random());
        const status = random() < 0.02 ? 'declined' : 'performed';
        const base = { patientId: p, status, on, at: `${on}T10:00:00.000Z`, reason: null, ...mix };
        if (random() < 0.02 && id + 2 <= target) {
          // An amendment: the first version superseded, the second signed.
          insert.run({ ...base, id: ++id, seriesId: id, version: 1, state: 'superseded', nice: 'low', iwgdf: '0' });
          insert.run({ ...base, id: ++id, seriesId: id - 1, version: 2, state: 'signed', reason: 'Corrected' });
        } else {
          insert.run({ ...base, id: ++id, seriesId: id, version: 1, state: 'signed' });
        }
        if ((mix.nice === 'high' || mix.nice === 'active') && random() < 0.4) {
          audit.append({ at: now, actor: 'bench', action: 'report.create', entity: 'exam', entityId: String(id), details: { patientId: p, parts: ['clinician', 'referral'] } });
        }
        on = addMonths(on, -(3 + Math.floor(random() * 12)));
      }
      if (random() < 0.1) contact.run(p, addDays(today, -Math.floor(random() * 60)), random() < 0.5 ? 'no_answer' : 'letter', now);
      if (random() < 0.01) archive.run(now, p);
    }
  })();
  new RecallRepository(db).refreshAll(defaultRecallSettings);
  return { exams: id };
}

export interface RecallFigures {
  worklist: Comparison;
  dashboard: Comparison;
  exams: number;
}

/**
 * worklist: the `listWorklist` operation (schema parse, filters, one page of 100 rows, the three
 * tab counts, mapping, envelope) for the overdue view, the same filtered by category, sorted by
 * name, due soon, never screened and searched, in turn; baseline: the same prepared statements run
 * raw with the same parameters. dashboard: `getDashboard` for the last 12 months vs its raw
 * statements.
 */
export async function benchRecall(patients: number, runs: number): Promise<RecallFigures> {
  const app = openTestApp();
  try {
    const today = localIsoDate(new Date());
    const { exams } = buildClinic(app.db, patients, 5, today);
    const context = await signedInContext(app, 'bench');

    const requests = [
      { view: 'overdue' },
      { view: 'overdue', category: 'high' },
      { view: 'overdue', sort: 'name' },
      { view: 'due-soon', withinDays: 30 },
      { view: 'never-screened' },
      { view: 'overdue', search: 'smi' },
    ] as const;
    const db = app.db;
    const stmts = {
      byDue: db.prepare(worklistSql.byDue),
      byName: db.prepare(worklistSql.byName),
      never: db.prepare(worklistSql.neverScreened),
      countDue: db.prepare(worklistSql.countDue),
      countNever: db.prepare(worklistSql.countNeverScreened),
    };
    const until = addDays(today, 30);
    const raw = requests.map((r) => {
      const filter = worklistFilter('nice', 'category' in r ? r.category : null, 'search' in r ? r.search : '');
      const page: WorklistPageParams = {
        ...filter,
        dueFrom: r.view === 'overdue' ? '' : today,
        dueBefore: r.view === 'overdue' ? today : until,
        afterKey: '',
        afterId: 0,
        limit: 101,
      };
      const list = r.view === 'never-screened' ? stmts.never : 'sort' in r ? stmts.byName : stmts.byDue;
      return () => {
        list.all(page);
        stmts.countDue.get({ ...filter, dueFrom: '', dueBefore: today });
        stmts.countDue.get({ ...filter, dueFrom: today, dueBefore: until });
        stmts.countNever.get({ ...filter, category: null });
      };
    });
    let i = 0;
    let j = 0;
    const worklist = await compare(
      async () => {
        const r = await app.dispatch('listWorklist', requests[i++ % requests.length], context);
        if (!r.ok) throw new Error(r.error.message);
      },
      () => raw[j++ % raw.length]?.(),
      runs,
    );

    const range: DashboardRange = { from: addDays(addMonths(today, -12), 1), to: today };
    const windowFrom = range.from;
    const dash = Object.fromEntries(Object.entries(dashboardSql).map(([k, sql]) => [k, db.prepare(sql)]));
    const dashboard = await compare(
      async () => {
        const r = await app.dispatch('getDashboard', range, context);
        if (!r.ok) throw new Error(r.error.message);
      },
      () => {
        dash.register?.get();
        dash.overdue?.get({ today });
        dash.screenedInWindow?.get({ windowFrom, windowTo: range.to });
        dash.archivedScreenedInWindow?.get({ windowFrom, windowTo: range.to });
        dash.mix?.get(range);
        dash.referred?.get(range);
      },
      Math.max(5, Math.floor(runs / 4)),
      5,
    );
    return { worklist, dashboard, exams };
  } finally {
    app.dispose();
  }
}
