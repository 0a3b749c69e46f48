import { createHash } from 'node:crypto';
import { AppError } from '../../core/errors.ts';
import { toInstant } from '../../core/time.ts';
import { monthPeriod } from '../../schemas/period.ts';
import type { PayPeriodSummary, PayPeriodView, PayTotals, ScorecardRow } from '../../schemas/scorecard.ts';
import { lockKey } from '../../stores/dialect.ts';
import { num } from '../../stores/duckdb.ts';
import type { Db } from '../../stores/sqlite.ts';
import type { Stores } from '../../stores/stores.ts';
import { audit } from '../audit/audit.ts';
import { inScope } from '../auth/scope.ts';
import { cached } from '../cache.ts';
import type { Scope } from '../context.ts';
import { CLAIM_PERIODS_LOCK, settleClaimPeriods } from '../scoring/claim-periods.ts';
import { cachedScoreRange } from '../scoring/score-cache.ts';
import { type ScoringSettings, scoreRange } from '../scoring/score-range.ts';
import { payrollXlsx } from './export-xlsx.ts';
import {
  deletePayExports,
  deletePaySnapshots,
  findPayExport,
  findPayPeriod,
  insertPayExport,
  insertPaySnapshot,
  markPeriodReopened,
  payInputsMark,
  payPeriodMonths,
  runningImports,
  snapshotScorecards,
  upsertApprovedPeriod,
  variablePayMonths,
} from './pay-periods.repository.ts';
import { payrollLines } from './payroll-rows.ts';
import { PERIOD_CALLS_SQL } from './queries/period-calls.sql.ts';

const OPEN = (period: string): PayPeriodView => ({
  period,
  status: 'open',
  approvedAt: null,
  approvedBy: null,
  reopenedAt: null,
  reopenedBy: null,
  reopenReason: null,
});

export async function payPeriod(db: Db, period: string): Promise<PayPeriodView> {
  const r = await findPayPeriod(db, period);
  if (!r) return OPEN(period);
  return {
    period: r.period,
    status: r.status === 'approved' ? 'approved' : 'open',
    approvedAt: r.approved_at,
    approvedBy: r.approved_by,
    reopenedAt: r.reopened_at,
    reopenedBy: r.reopened_by,
    reopenReason: r.reopen_reason,
  };
}

/** An approved period's figures, exactly as they were approved. */
export async function snapshotRows(db: Db, period: string): Promise<ScorecardRow[]> {
  const rows = await snapshotScorecards(db, period);
  return rows.map((r) => JSON.parse(r.scorecard) as ScorecardRow);
}

/** An approved month's rows, parsed once while nothing changes (the list and the pages share them). */
const approvedRows = (db: Db, period: string) =>
  cached(db, `snapshot|${period}`, () => snapshotRows(db, period));

/** A month's pay figures: the stored snapshot once approved, computed now while open. */
export async function payRows(
  stores: Stores,
  period: string,
  settings: ScoringSettings,
): Promise<{ view: PayPeriodView; rows: ScorecardRow[]; source: 'live' | 'snapshot' }> {
  const view = await payPeriod(stores.db, period);
  if (view.status === 'approved') {
    const rows = await approvedRows(stores.db, period);
    return { view, rows, source: 'snapshot' };
  }
  return { view, rows: await cachedScoreRange(stores, monthPeriod(period), settings), source: 'live' };
}

export const totals = (rows: readonly ScorecardRow[]): PayTotals => ({
  operators: rows.length,
  variableBase: rows.reduce((s, r) => s + (r.scorecard.variableBase ?? 0), 0),
  payout: rows.reduce((s, r) => s + (r.scorecard.payout ?? 0), 0),
  adjustment: rows.reduce((s, r) => s + (r.scorecard.adjustment ?? 0), 0),
});

/**
 * Every month with calls, pay bases or a pay-period record, newest first. Totals come with the
 * approved months (from their snapshots), over the operators of the scope; an open month's
 * totals would mean scoring it, which its own scorecards request does.
 */
export async function listPayPeriods(
  db: Db,
  months: readonly string[],
  scope: Scope,
): Promise<PayPeriodSummary[]> {
  const stored = await payPeriodMonths(db);
  const bases = await variablePayMonths(db);
  const all = [...new Set([...months, ...stored, ...bases])].sort().reverse();
  const out: PayPeriodSummary[] = [];
  for (const period of all) {
    const view = await payPeriod(db, period);
    const rows = view.status === 'approved' ? await approvedRows(db, period) : null;
    out.push({
      ...view,
      totals: rows && totals(rows.filter((r) => inScope(scope, r.scorecard.operatorId))),
    });
  }
  return out;
}

export interface ApproveOptions {
  /** The clock: a month can be approved once it has ended at this instant. */
  now?: Date;
  /**
   * The operators with no variable base, each named by id: approving pays them nothing variable
   * and freezes that, so it takes this list, exactly, from whoever approves.
   */
  confirmMissingBases?: readonly string[];
}

/**
 * Refuses a month with operators who have no variable base unless `confirmed` names exactly them:
 * a base forgotten in the import would otherwise be locked in as a month of no variable pay.
 */
function checkMissingBases(period: string, rows: readonly ScorecardRow[], confirmed: readonly string[]) {
  const missing = rows.filter((r) => r.scorecard.variableBase === null);
  const ids = new Set(missing.map((r) => r.scorecard.operatorId));
  const given = new Set(confirmed);
  const unconfirmed = missing.filter((r) => !given.has(r.scorecard.operatorId));
  const extra = [...given].filter((id) => !ids.has(id)).sort();
  if (unconfirmed.length === 0 && extra.length === 0) return;
  const named = (list: readonly ScorecardRow[]) =>
    list.map((r) => `${r.scorecard.operatorId} (${r.name})`).join(', ');
  if (extra.length > 0)
    throw new AppError(
      'conflict',
      `confirmMissingBases names operators who have a variable base for ${period} or are not on it: ${extra.join(', ')}`,
    );
  throw new AppError(
    'conflict',
    `${period} has ${missing.length} operator(s) with no variable base: ${named(unconfirmed)}. ` +
      'They would get no variable pay; confirm each of them by id (confirmMissingBases) to approve anyway',
  );
}

/**
 * Approves (locks) a month: every operator's scorecard, deductions and payout are stored as they
 * are now, with the spreadsheet made from them, in one transaction with its audit row. From then
 * on the period's figures and files come from the snapshot, whatever is imported later. Refused
 * (409) for a month already approved, one that has not ended in the company zone, one with no
 * calls, and one with operators who have no variable base unless each of them is confirmed.
 */
export async function approvePeriod(
  stores: Stores,
  period: string,
  settings: ScoringSettings,
  actor: string,
  { now = new Date(), confirmMissingBases = [] }: ApproveOptions = {},
): Promise<PayPeriodView> {
  const { db } = stores;
  const current = await payPeriod(db, period);
  if (current.status === 'approved') {
    throw new AppError(
      'conflict',
      `${period} was approved on ${current.approvedAt} by ${current.approvedBy}`,
    );
  }
  const range = monthPeriod(period);
  // A month is paid once it is over and had work in it: approving a running month would lock
  // figures still moving, and an empty one would store a month of full payouts for nobody's work.
  const end = toInstant(range.to, settings.timeZone);
  if (end.getTime() > now.getTime()) {
    throw new AppError(
      'conflict',
      `${period} has not ended yet in ${settings.timeZone}: it can be approved from ${range.to}`,
    );
  }
  const [count] = await stores.analytics.rows(PERIOD_CALLS_SQL, {
    tz: settings.timeZone,
    from: range.from,
    to: range.to,
  });
  if (num(count?.calls) === 0)
    throw new AppError('conflict', `${period} has no calls: there is nothing to approve`);
  const running = await runningImports(db);
  if (running.length > 0)
    throw new AppError(
      'conflict',
      `an import is running (${running.join(', ')}): approve ${period} once it has finished, so that its data is in the figures`,
    );
  await settleClaimPeriods(db, settings.timeZone);
  const mark = await payInputsMark(db, period);
  const rows = await scoreRange(stores, range, settings);
  checkMissingBases(period, rows, confirmMissingBases);
  const withoutBase = rows
    .filter((r) => r.scorecard.variableBase === null)
    .map((r) => r.scorecard.operatorId)
    .sort();
  const xlsx = await payrollXlsx(payrollLines(rows));
  const at = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    await lockKey(tx, CLAIM_PERIODS_LOCK);
    // An import begun, or a claim given to this month, since the figures were computed: they
    // would be locked without it.
    if ((await payInputsMark(tx, period)) !== mark)
      throw new AppError(
        'conflict',
        `an import or a claim decision changed ${period} while it was being approved; approve it again`,
      );
    if (!(await upsertApprovedPeriod(tx, period, at, actor)))
      throw new AppError('conflict', `${period} was approved by someone else a moment ago`);
    await deletePaySnapshots(tx, period);
    await deletePayExports(tx, period);
    for (const r of rows) {
      await insertPaySnapshot(tx, period, r.scorecard.operatorId, JSON.stringify(r));
    }
    await insertPayExport(tx, {
      period,
      format: 'xlsx',
      content: xlsx,
      sha256: createHash('sha256').update(xlsx).digest('hex'),
    });
    await audit(tx, {
      actor,
      action: 'approve',
      entity: 'pay_period',
      entityId: period,
      before: { status: current.status },
      after: {
        status: 'approved',
        ...totals(rows),
        ...(withoutBase.length > 0 ? { confirmedMissingBases: withoutBase } : {}),
      },
    });
  });
  return payPeriod(db, period);
}

/** Re-opens an approved month: takes an administrator and a reason, both kept in the audit log. */
export async function reopenPeriod(
  db: Db,
  period: string,
  reason: string,
  actor: string,
): Promise<PayPeriodView> {
  const current = await payPeriod(db, period);
  if (current.status !== 'approved')
    throw new AppError('conflict', `${period} is not approved; there is nothing to re-open`);
  const approved = await snapshotRows(db, period);
  const at = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    if (!(await markPeriodReopened(tx, period, at, actor, reason)))
      throw new AppError('conflict', `${period} was re-opened by someone else a moment ago`);
    await deletePayExports(tx, period);
    await deletePaySnapshots(tx, period);
    await audit(tx, {
      actor,
      action: 'reopen',
      entity: 'pay_period',
      entityId: period,
      before: {
        status: 'approved',
        approvedAt: current.approvedAt,
        approvedBy: current.approvedBy,
        ...totals(approved),
      },
      after: { status: 'open', reason },
    });
  });
  return payPeriod(db, period);
}

/** The stored spreadsheet of an approved month. */
export async function storedExport(db: Db, period: string, format: 'xlsx'): Promise<Buffer | null> {
  const r = await findPayExport(db, period, format);
  return r ? Buffer.from(r.content) : null;
}
