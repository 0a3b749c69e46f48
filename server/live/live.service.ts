import { LIST, VARCHAR } from '@duckdb/node-api';
import { localDate } from '../../core/time.ts';
import type { LiveFigures, LiveQueuesResponse } from '../../schemas/live.ts';
import type { Settings } from '../../schemas/settings.ts';
import { type JsonRow, num, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import type { Scope } from '../context.ts';
import { LIVE_QUEUES_SQL, NEWEST_EVENT_SQL } from './queries/live-queues.sql.ts';

const PARAM_TYPES = { ops: LIST(VARCHAR), keys: LIST(VARCHAR) };

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

const figures = (r: JsonRow | undefined): LiveFigures => {
  const answered = num(r?.answered);
  const offered = answered + num(r?.abandoned);
  return {
    waiting: num(r?.waiting),
    answered,
    abandoned: num(r?.abandoned),
    serviceLevel: offered > 0 ? Math.round((num(r?.within_sl) / offered) * 10_000) / 10_000 : null,
    avgWaitSeconds: r?.avg_wait_s == null ? null : Math.round(num(r.avg_wait_s) * 10) / 10,
    onCall: num(r?.on_call),
  };
};

/**
 * Today so far, per queue and in total. A head limited to some operators sees the queues they
 * answer in, and as on a call only them (found by their pbx_ids, as the importer finds them).
 */
export async function liveQueues(
  stores: Stores,
  settings: Settings,
  scope: Scope,
  now = new Date(),
): Promise<LiveQueuesResponse> {
  const day = localDate(now, settings.timeZone);
  const all = scope.operatorIds === null;
  let keys: string[] = [];
  if (!all) {
    const ops = scope.operatorIds?.length
      ? await stores.db
          .selectFrom('operators')
          .select('pbx_ids')
          .where('operator_id', 'in', scope.operatorIds)
          .execute()
      : [];
    keys = ops.flatMap((o) => (JSON.parse(o.pbx_ids) as string[]).map((k) => k.trim().toLowerCase()));
  }
  const params = {
    tz: settings.timeZone,
    from: day,
    to: nextDay(day),
    sl: settings.serviceLevelSeconds,
    all,
    ops: textList(scope.operatorIds ?? []),
    keys: textList(keys),
  };
  const [rows, newest] = await Promise.all([
    stores.analytics.rows(LIVE_QUEUES_SQL, params, PARAM_TYPES),
    stores.analytics.rows(NEWEST_EVENT_SQL, { tz: settings.timeZone, from: day }),
  ]);
  return {
    day,
    timeZone: settings.timeZone,
    serviceLevelSeconds: settings.serviceLevelSeconds,
    asOf: now.toISOString(),
    newestEventAt: newest[0]?.newest == null ? null : String(newest[0].newest),
    total: figures(rows.find((r) => r.is_total)),
    queues: rows.filter((r) => !r.is_total).map((r) => ({ queue: String(r.queue), ...figures(r) })),
  };
}
