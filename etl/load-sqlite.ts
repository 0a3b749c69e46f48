import type { Kind } from '../schemas/kinds.ts';
import type { Db } from '../stores/sqlite.ts';
import type { Database } from '../stores/tables.ts';
import type { Cells } from './normalize.ts';

type OperationalKind = Exclude<Kind, 'clients' | 'debts' | 'calls' | 'orders'>;

interface Target {
  table: keyof Database;
  key: string[];
  /** The stored row for a normalised record. */
  row: (r: Cells, importId: number) => Record<string, string | number | null>;
}

const str = (v: string | number | null | undefined) => (v == null ? null : String(v));
const must = (v: string | number | null | undefined) => String(v ?? '');

const TARGETS: Record<OperationalKind, Target> = {
  teams: {
    table: 'teams',
    key: ['team_id'],
    row: (r, importId) => ({
      team_id: must(r.team_id),
      name: must(r.name),
      department: str(r.department),
      import_id: importId,
    }),
  },
  operators: {
    table: 'operators',
    key: ['operator_id'],
    row: (r, importId) => ({
      operator_id: must(r.operator_id),
      name: must(r.name),
      team_id: must(r.team_id),
      pbx_ids: str(r.pbx_ids) ?? '[]',
      hired_on: str(r.hired_on),
      active: Number(r.active ?? 1),
      import_id: importId,
    }),
  },
  targets: {
    table: 'targets',
    key: ['team_id', 'period', 'metric'],
    row: (r, importId) => ({
      team_id: must(r.team_id),
      period: must(r.period),
      metric: must(r.metric),
      target: Number(r.target),
      import_id: importId,
    }),
  },
  norms: {
    table: 'norms',
    key: ['scope', 'subject_id', 'period'],
    row: (r, importId) => ({
      scope: r.operator_id != null ? 'operator' : 'team',
      subject_id: must(r.operator_id ?? r.team_id),
      period: must(r.period),
      tasks_norm: Number(r.tasks_norm),
      import_id: importId,
    }),
  },
  'variable-pay': {
    table: 'variable_pay',
    key: ['operator_id', 'period'],
    row: (r, importId) => ({
      operator_id: must(r.operator_id),
      period: must(r.period),
      variable_base: Number(r.variable_base),
      currency: must(r.currency),
      import_id: importId,
    }),
  },
  claims: {
    table: 'claims',
    key: ['claim_id'],
    row: (r, importId) => ({
      claim_id: must(r.claim_id),
      operator_id: must(r.operator_id),
      source: must(r.source),
      division: str(r.division),
      call_id: str(r.call_id),
      order_id: str(r.order_id),
      received_at: must(r.received_at),
      status: must(r.status),
      decided_at: str(r.decided_at),
      description: str(r.description),
      import_id: importId,
    }),
  },
  assessments: {
    table: 'assessments',
    key: ['assessment_id'],
    row: (r, importId) => ({
      assessment_id: must(r.assessment_id),
      operator_id: must(r.operator_id),
      assessed_at: must(r.assessed_at),
      polarity: must(r.polarity),
      author: str(r.author),
      note: str(r.note),
      import_id: importId,
    }),
  },
  evaluations: {
    table: 'evaluations',
    key: ['evaluation_id'],
    row: (r, importId) => ({
      evaluation_id: must(r.evaluation_id),
      call_id: must(r.call_id),
      operator_id: str(r.operator_id),
      call_started_at: str(r.call_started_at),
      evaluator: must(r.evaluator),
      score: Number(r.score),
      critical_failed: Number(r.critical_failed ?? 0),
      status: must(r.status),
      submitted_at: str(r.submitted_at),
      calibration: Number(r.calibration ?? 0),
      import_id: importId,
    }),
  },
};

export const isOperationalKind = (k: Kind): k is OperationalKind => Object.hasOwn(TARGETS, k);

/**
 * Upserts records of an operational kind, inside the caller's SQLite transaction (`tx`), which
 * also records the import's outcome: rows and log commit together. A record equal to the stored
 * one (ignoring which import wrote it) is a duplicate and is not rewritten.
 */
export async function loadOperational(
  tx: Db,
  kind: OperationalKind,
  records: Cells[],
  importId: number,
): Promise<{ loaded: number; duplicates: number }> {
  const target = TARGETS[kind];
  let loaded = 0;
  let duplicates = 0;
  for (const record of records) {
    const row = target.row(record, importId);
    // biome-ignore lint/suspicious/noExplicitAny: the table is chosen from the registry above
    const table = target.table as any;
    let existing = tx.selectFrom(table).selectAll();
    for (const k of target.key) existing = existing.where(k, '=', row[k]);
    const found = (await existing.executeTakeFirst()) as Record<string, unknown> | undefined;
    const same = found && Object.entries(row).every(([k, v]) => k === 'import_id' || found[k] === v);
    if (same) {
      duplicates++;
      continue;
    }
    await tx
      .insertInto(table)
      .values(row)
      .onConflict((oc) => oc.columns(target.key as never).doUpdateSet(row as never))
      .execute();
    loaded++;
  }
  return { loaded, duplicates };
}
