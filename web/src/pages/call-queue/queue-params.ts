import type { Query } from '../../api/client.ts';

/**
 * The call queue's state as it lives in the address: the view, the sample's options, the search's
 * filters, sort and page. Pure functions of the search parameters, so the page's hooks and the
 * unit tests read them the same way.
 */

export type QueueView = 'sample' | 'search';
export const QUEUE_VIEWS: readonly QueueView[] = ['sample', 'search'];

export const PAGE_SIZE = 25;

/** The search's filters, in the order of the filter bar. */
export const FILTER_KEYS = [
  'operator',
  'team',
  'from',
  'to',
  'direction',
  'taskType',
  'minDuration',
  'maxDuration',
  'hasEvaluation',
  'check',
  'checkResult',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export type SortOrder = 'asc' | 'desc';

/** The sample unless the address asks for the search (or the user may not draw samples). */
export function queueView(params: URLSearchParams, maySample = true): QueueView {
  return params.get('view') === 'search' || !maySample ? 'search' : 'sample';
}

/** A copy of the parameters with `key` set, or removed when `value` is empty. */
export function withParam(params: URLSearchParams, key: string, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value === null || value === '') next.delete(key);
  else next.set(key, value);
  return next;
}

// ---------- the proposed sample ----------

export const DEFAULT_PER_OPERATOR = '5';
export const DEFAULT_MARGIN = '5';

/** What a targeted sample takes first: the failures of a check (its key) or of any critical one. */
export const CRITICAL_TARGET = 'critical';

export interface SampleOptions {
  team: string | null;
  /** ±points of the interval the sample should reach; null for a fixed count per operator. */
  margin: string | null;
  perOperator: string;
  /** `critical`, a check's key, or null for an untargeted sample (`first` in the address). */
  first: string | null;
}

export function sampleOptions(params: URLSearchParams): SampleOptions {
  return {
    team: params.get('team'),
    margin: params.get('margin'),
    perOperator: params.get('perOperator') ?? DEFAULT_PER_OPERATOR,
    first: params.get('first') || null,
  };
}

/** The sample's query: a margin, or else a count per operator; the calls it takes first. */
export function sampleQuery(period: string, o: SampleOptions): Query {
  return {
    period,
    team: o.team,
    ...(o.margin ? { margin: o.margin } : { perOperator: o.perOperator }),
    ...(o.first === CRITICAL_TARGET ? { failedCritical: 'true' } : o.first ? { failedCheck: o.first } : {}),
  };
}

/** Switches the sample's size between a fixed count and a margin (which starts at ±5 points). */
export function withSampleMode(params: URLSearchParams, mode: 'fixed' | 'margin'): URLSearchParams {
  return withParam(params, 'margin', mode === 'margin' ? DEFAULT_MARGIN : null);
}

/**
 * The sample to split evenly among monitors, as the assignment request names it: the options
 * that are set, numbers as numbers.
 */
export function sampleToSplit(q: Query): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const k of ['team', 'margin', 'perOperator', 'failedCheck', 'failedCritical'] as const) {
    const v = q[k];
    if (v === null || v === undefined || v === '') continue;
    // Counts as numbers; the rest (a flag too: `'true'`) as the address writes them.
    sample[k] = k === 'margin' || k === 'perOperator' ? Number(v) : v;
  }
  return sample;
}

export interface MonitorProgress {
  monitor: string;
  done: number;
  total: number;
}

/** Each monitor's calls given and done, by monitor name. */
export function monitorProgress(
  assignments: readonly { monitor: string; done: boolean }[],
): MonitorProgress[] {
  const by = new Map<string, MonitorProgress>();
  for (const a of assignments) {
    const row = by.get(a.monitor) ?? { monitor: a.monitor, total: 0, done: 0 };
    row.total++;
    if (a.done) row.done++;
    by.set(a.monitor, row);
  }
  return [...by.values()].sort((a, b) => a.monitor.localeCompare(b.monitor));
}

/** The list with `item` in it or not: a checkbox of a list of picks. */
export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

// ---------- the search ----------

export interface SearchState {
  page: number;
  sort: string;
  order: SortOrder;
  filters: Partial<Record<FilterKey, string>>;
  query: Query;
  hasFilters: boolean;
  /** A start date without an end: the search still covers the period. */
  openRange: boolean;
}

export function searchState(params: URLSearchParams, period: string): SearchState {
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const sort = params.get('sort') ?? 'startedAt';
  const order: SortOrder = params.get('order') === 'asc' ? 'asc' : 'desc';
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  const { from, to, ...rest } = filters;
  const range = from && to ? { from, to } : { period };
  return {
    page,
    sort,
    order,
    filters,
    query: { ...range, ...rest, sort, order, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    hasFilters: Object.keys(filters).length > 0,
    openRange: Boolean(from) && !to,
  };
}

/**
 * The search's address for the calls whose check `check` gave `result` (any check when null), of a
 * month and, when given, a team or an operator: where a check's failures drill to.
 */
export function checkSearchPath(
  period: string,
  check: string | null,
  result: 'pass' | 'fail' | 'na',
  who: { team?: string | null; operator?: string | null } = {},
): string {
  const p = new URLSearchParams({ view: 'search', period });
  if (who.team) p.set('team', who.team);
  if (who.operator) p.set('operator', who.operator);
  if (check) p.set('check', check);
  p.set('checkResult', result);
  return `/calls?${p.toString()}`;
}

/** A filter changed: the search starts again at its first page. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = withParam(params, key, value);
  next.delete('page');
  return next;
}

export function withoutFilters(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const k of FILTER_KEYS) next.delete(k);
  next.delete('page');
  return next;
}

/** Sorting by a column: descending first, the other way on a second click; back to page one. */
export function withSort(params: URLSearchParams, key: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const order = next.get('order') === 'asc' ? 'asc' : 'desc';
  next.set('order', next.get('sort') === key && order === 'desc' ? 'asc' : 'desc');
  next.set('sort', key);
  next.delete('page');
  return next;
}

/** The rows a page shows (1-based, inclusive) and how many pages there are. */
export function pageSpan(page: number, total: number): { from: number; to: number; pages: number } {
  return {
    from: (page - 1) * PAGE_SIZE + 1,
    to: Math.min(total, page * PAGE_SIZE),
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}
