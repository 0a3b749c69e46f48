import { useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CallListItem, OperatorSample } from '../../../schemas/calls.ts';
import type { OperatorQuality } from '../../../schemas/evaluations.ts';
import { CALL_DIRECTIONS, TASK_TYPES } from '../../../schemas/records.ts';
import type { Query } from '../api/client.ts';
import { usePeriods, useTeams } from '../api/hooks.ts';
import { useAssign, useAssignments, useCalls, useMonitors, useQuality, useSample } from '../api/qa.ts';
import { useSession } from '../auth/session.tsx';
import { SortIcon } from '../components/icons.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { EmptyState, ErrorState, errorMessage, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { usePeriodParam } from '../components/usePeriodParam.ts';
import { type Formatters, useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { Progress, useDateTime } from './qa/shared.tsx';

const PAGE_SIZE = 25;

/** The quality of an operator: mean, the 95% interval and how many evaluations it rests on. */
export function QualityCell({ q, fmt }: { q: OperatorQuality | undefined; fmt: Formatters }) {
  const t = useT();
  if (!q || q.n === 0 || q.mean === null) return <span className="cell-muted">{t('qa.quality.none')}</span>;
  return (
    <span className="quality">
      <span className="quality-mean">{fmt.decimal(q.mean, 1)}</span>
      <span className="quality-ci">
        {q.ci95
          ? t('qa.quality.ci', { low: fmt.decimal(q.ci95.low, 1), high: fmt.decimal(q.ci95.high, 1) })
          : t('qa.quality.noCi')}
      </span>
      <span className="quality-n">{t('qa.quality.n', { n: q.n })}</span>
    </span>
  );
}

/** Call queue (QA): the period's proposed sample per operator, search over every call, assignment. */
export default function CallQueuePage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('qa.queue.title'));
  const [params, setParams] = useSearchParams();
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  const view = params.get('view') === 'search' ? 'search' : 'sample';
  const { user } = useSession();
  const lead = user.role === 'qa_lead' || user.role === 'admin';
  const quality = useQuality(period);
  const byOperator = useMemo(
    () => new Map((quality.data?.operators ?? []).map((q) => [q.operatorId, q])),
    [quality.data],
  );

  const setView = (v: 'sample' | 'search') =>
    setParams((p) => {
      p.set('view', v);
      return p;
    });

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 className="page-title">{t('qa.queue.title')}</h1>
          <p className="page-subtitle">
            {period ? t('qa.queue.subtitle', { period: fmt.period(period) }) : t('qa.queue.subtitleNone')}
          </p>
        </div>
        <div className="filters">
          <PeriodSelect
            label={t('qa.period')}
            period={period}
            periods={periods}
            onChange={setPeriod}
            fmt={fmt}
          />
        </div>
      </div>
      <div className="tabs" role="tablist" aria-label={t('qa.queue.views')}>
        {(['sample', 'search'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'tab is-active' : 'tab'}
            onClick={() => setView(v)}
          >
            {t(`qa.queue.view.${v}`)}
          </button>
        ))}
      </div>
      {periodsQuery.isError ? (
        <ErrorState error={periodsQuery.error} onRetry={() => void periodsQuery.refetch()} />
      ) : periodsQuery.data && periods.length === 0 ? (
        <EmptyState title={t('qa.noPeriods.title')}>{t('qa.noPeriods.body')}</EmptyState>
      ) : !period ? (
        <Skeleton height={360} />
      ) : view === 'sample' ? (
        <SampleView period={period} lead={lead} byOperator={byOperator} fmt={fmt} />
      ) : (
        <SearchView period={period} lead={lead} byOperator={byOperator} fmt={fmt} />
      )}
    </div>
  );
}

function SampleView({
  period,
  lead,
  byOperator,
  fmt,
}: {
  period: string;
  lead: boolean;
  byOperator: Map<string, OperatorQuality>;
  fmt: Formatters;
}) {
  const t = useT();
  const dt = useDateTime();
  const [params, setParams] = useSearchParams();
  const ids = { per: useId(), margin: useId(), team: useId(), mode: useId() };
  const teams = useTeams();
  const team = params.get('team');
  const margin = params.get('margin');
  const perOperator = params.get('perOperator') ?? '5';
  const q: Query = { period, team, ...(margin ? { margin } : { perOperator }) };
  const sample = useSample(q);
  const set = (k: string, v: string | null) =>
    setParams((p) => {
      if (v === null || v === '') p.delete(k);
      else p.set(k, v);
      return p;
    });
  const operators = sample.data?.operators ?? [];
  const calls = operators.reduce((n, o) => n + o.calls.length, 0);

  return (
    <>
      <section className="card" aria-labelledby="sample-title">
        <header className="card-header">
          <div className="card-heading">
            <h2 className="card-title" id="sample-title">
              {t('qa.sample.title')}
            </h2>
            {sample.data && (
              <span className="card-meta">
                {t('qa.sample.meta', { calls, operators: operators.length, seed: sample.data.seed })}
              </span>
            )}
          </div>
          <div className="filters">
            <div className="field field-inline">
              <label className="field-label" htmlFor={ids.team}>
                {t('qa.filter.team')}
              </label>
              <select
                id={ids.team}
                className="select select-small"
                value={team ?? ''}
                onChange={(e) => set('team', e.target.value)}
              >
                <option value="">{t('qa.filter.allTeams')}</option>
                {(teams.data?.teams ?? []).map((x) => (
                  <option key={x.teamId} value={x.teamId}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field field-inline">
              <label className="field-label" htmlFor={ids.mode}>
                {t('qa.sample.size')}
              </label>
              <select
                id={ids.mode}
                className="select select-small"
                value={margin ? 'margin' : 'fixed'}
                onChange={(e) => {
                  setParams((p) => {
                    if (e.target.value === 'margin') p.set('margin', '5');
                    else p.delete('margin');
                    return p;
                  });
                }}
              >
                <option value="fixed">{t('qa.sample.fixed')}</option>
                <option value="margin">{t('qa.sample.byMargin')}</option>
              </select>
            </div>
            {margin ? (
              <div className="field field-inline">
                <label className="field-label" htmlFor={ids.margin}>
                  {t('qa.sample.margin')}
                </label>
                <input
                  id={ids.margin}
                  className="input input-small input-number"
                  type="number"
                  min={0.5}
                  max={50}
                  step={0.5}
                  value={margin}
                  onChange={(e) => set('margin', e.target.value)}
                />
              </div>
            ) : (
              <div className="field field-inline">
                <label className="field-label" htmlFor={ids.per}>
                  {t('qa.sample.perOperator')}
                </label>
                <input
                  id={ids.per}
                  className="input input-small input-number"
                  type="number"
                  min={1}
                  max={100}
                  value={perOperator}
                  onChange={(e) => set('perOperator', e.target.value)}
                />
              </div>
            )}
          </div>
        </header>
        {margin && <p className="card-note">{t('qa.sample.marginHint', { margin })}</p>}
        {sample.isError && !sample.data ? (
          <ErrorState error={sample.error} onRetry={() => void sample.refetch()} />
        ) : !sample.data ? (
          <LoadingRegion label={t('app.loading')}>
            <div className="card-body">
              <Skeleton height={280} />
            </div>
          </LoadingRegion>
        ) : operators.length === 0 ? (
          <EmptyState title={t('qa.sample.empty.title')}>{t('qa.sample.empty.body')}</EmptyState>
        ) : (
          <div className={sample.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
            {sample.isError && (
              <p className="form-error sentence" role="alert">
                {errorMessage(sample.error, t)}
              </p>
            )}
            <table className="data-table sample-table">
              <thead>
                <tr>
                  <th scope="col">{t('qa.col.operator')}</th>
                  <th scope="col">{t('qa.col.quality')}</th>
                  <th scope="col" className="num">
                    {t('qa.col.target')}
                  </th>
                  <th scope="col">{t('qa.col.proposed')}</th>
                </tr>
              </thead>
              <tbody>
                {operators.map((o) => (
                  <SampleRow key={o.operatorId} o={o} q={byOperator.get(o.operatorId)} fmt={fmt} dt={dt} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {lead && <AssignPanel period={period} sampleQuery={q} />}
    </>
  );
}

function SampleRow({
  o,
  q,
  fmt,
  dt,
}: {
  o: OperatorSample;
  q: OperatorQuality | undefined;
  fmt: Formatters;
  dt: ReturnType<typeof useDateTime>;
}) {
  const t = useT();
  return (
    <tr>
      <th scope="row" className="cell-name">
        {o.name}
        <span className="cell-sub">
          {o.operatorId} · {o.teamId}
        </span>
      </th>
      <td>
        <QualityCell q={q} fmt={fmt} />
      </td>
      <td className="num">
        {t('qa.sample.target', { target: o.target, available: o.available })}
        {o.sd !== null && (
          <span className="cell-sub">
            {t(`qa.sample.sd.${o.sdSource ?? 'default'}`, { sd: fmt.decimal(o.sd, 1) })}
          </span>
        )}
      </td>
      <td className="wrap">
        <ul className="call-chips">
          {o.calls.map((c) => (
            <li key={c.callId}>
              <Link
                className={c.evaluationIds.length > 0 ? 'call-chip is-done' : 'call-chip'}
                to={`/calls/${encodeURIComponent(c.callId)}`}
                title={c.callId}
              >
                <span className="call-chip-main">
                  {dt.short(c.startedAt)} · {c.taskType ? t(`qa.task.${c.taskType as 'order'}`) : '—'} ·{' '}
                  {fmt.duration(c.talkS)}
                </span>
                <span className="call-chip-sub">
                  {c.claimed && <span className="chip-flag">{t('qa.sample.claimed')}</span>}
                  {c.evaluationIds.length > 0
                    ? t('qa.sample.evaluated')
                    : c.assignedTo
                      ? t('qa.sample.assignedTo', { monitor: c.assignedTo })
                      : t('qa.sample.unassigned')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

function AssignPanel({ period, sampleQuery }: { period: string; sampleQuery: Query }) {
  const t = useT();
  const monitors = useMonitors();
  const assignments = useAssignments(period);
  const assign = useAssign();
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const list = monitors.data?.monitors ?? [];
  const progress = useMemo(() => {
    const by = new Map<string, { total: number; done: number }>();
    for (const a of assignments.data?.assignments ?? []) {
      const row = by.get(a.monitor) ?? { total: 0, done: 0 };
      row.total++;
      if (a.done) row.done++;
      by.set(a.monitor, row);
    }
    return [...by.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }, [assignments.data]);

  const sample: Record<string, unknown> = {};
  for (const k of ['team', 'margin', 'perOperator'] as const) {
    const v = sampleQuery[k];
    if (v !== null && v !== undefined && v !== '') sample[k] = k === 'team' ? v : Number(v);
  }

  return (
    <div className="two-cards">
      <section className="card" aria-labelledby="assign-title">
        <header className="card-header">
          <h2 className="card-title" id="assign-title">
            {t('qa.assign.title')}
          </h2>
        </header>
        <div className="card-body">
          <p className="card-text">{t('qa.assign.hint')}</p>
          {monitors.isError ? (
            <ErrorState compact error={monitors.error} onRetry={() => void monitors.refetch()} />
          ) : (
            <fieldset className="check-list">
              <legend className="field-label">{t('qa.assign.monitors')}</legend>
              {list.map((m) => (
                <label key={m.username} className="checkbox">
                  <input
                    type="checkbox"
                    checked={picked.includes(m.username)}
                    onChange={(e) =>
                      setPicked((p) =>
                        e.target.checked ? [...p, m.username] : p.filter((x) => x !== m.username),
                      )
                    }
                  />
                  <span>
                    {m.displayName || m.username} <span className="cell-muted">({t(`role.${m.role}`)})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="rule-buttons">
            <button
              type="button"
              className="button button-primary"
              disabled={picked.length === 0 || assign.isPending}
              onClick={() =>
                assign.mutate(
                  { period, monitors: picked, sample },
                  {
                    onSuccess: (r) =>
                      setMessage(
                        t('qa.assign.result', { created: r.created.length, skipped: r.skipped.length }),
                      ),
                  },
                )
              }
            >
              {assign.isPending ? t('qa.assign.assigning') : t('qa.assign.even')}
            </button>
          </div>
          {message && (
            <p className="form-ok" role="status">
              {message}
            </p>
          )}
          {assign.error && (
            <p className="form-error sentence" role="alert">
              {errorMessage(assign.error, t)}
            </p>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="progress-title">
        <header className="card-header">
          <h2 className="card-title" id="progress-title">
            {t('qa.assign.progress')}
          </h2>
        </header>
        <div className="card-body">
          {assignments.isError ? (
            <ErrorState compact error={assignments.error} onRetry={() => void assignments.refetch()} />
          ) : !assignments.data ? (
            <Skeleton height={80} />
          ) : progress.length === 0 ? (
            <p className="cell-muted">{t('qa.assign.none')}</p>
          ) : (
            <ul className="progress-list">
              {progress.map(([monitor, p]) => (
                <li key={monitor}>
                  <span className="progress-name">{monitor}</span>
                  <Progress done={p.done} total={p.total} label={t('qa.worklist.progressOf', { monitor })} />
                  <span className="progress-figure">
                    {t('qa.worklist.done', { done: p.done, total: p.total })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

const FILTER_KEYS = [
  'operator',
  'team',
  'from',
  'to',
  'direction',
  'taskType',
  'minDuration',
  'maxDuration',
  'hasEvaluation',
] as const;

function SearchView({
  period,
  lead,
  byOperator,
  fmt,
}: {
  period: string;
  lead: boolean;
  byOperator: Map<string, OperatorQuality>;
  fmt: Formatters;
}) {
  const t = useT();
  const dt = useDateTime();
  const base = useId();
  const [params, setParams] = useSearchParams();
  const teams = useTeams();
  const monitors = useMonitors();
  const assign = useAssign();
  const [selected, setSelected] = useState<string[]>([]);
  const [monitor, setMonitor] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const sort = params.get('sort') ?? 'startedAt';
  const order = params.get('order') ?? 'desc';
  const get = (k: string) => params.get(k) ?? '';
  const from = get('from');
  const to = get('to');
  const range = from && to ? { from, to } : { period };
  const q: Query = {
    ...range,
    ...Object.fromEntries(
      FILTER_KEYS.filter((k) => k !== 'from' && k !== 'to' && get(k)).map((k) => [k, get(k)]),
    ),
    sort,
    order,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const calls = useCalls(q);
  const set = (k: string, v: string) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      p.delete('page');
      return p;
    });
  const setPage = (n: number) =>
    setParams((p) => {
      p.set('page', String(n));
      return p;
    });
  const operators = [...byOperator.values()].sort((a, b) => a.name.localeCompare(b.name));
  const total = calls.data?.total ?? 0;
  const rows = calls.data?.calls ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const sortBy = (key: string) =>
    setParams((p) => {
      p.set('order', p.get('sort') === key && order === 'desc' ? 'asc' : 'desc');
      p.set('sort', key);
      p.delete('page');
      return p;
    });

  const select = (k: string, label: string, options: { value: string; label: string }[], any: string) => (
    <div className="field" key={k}>
      <label className="field-label" htmlFor={`${base}-${k}`}>
        {label}
      </label>
      <select
        id={`${base}-${k}`}
        className="select select-small"
        value={get(k)}
        onChange={(e) => set(k, e.target.value)}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const input = (k: string, label: string, type: 'number' | 'date') => (
    <div className="field" key={k}>
      <label className="field-label" htmlFor={`${base}-${k}`}>
        {label}
      </label>
      <input
        id={`${base}-${k}`}
        className={type === 'number' ? 'input input-small input-number' : 'input input-small'}
        type={type}
        min={0}
        value={get(k)}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );
  const hasFilters = FILTER_KEYS.some((k) => get(k));

  return (
    <section className="card" aria-labelledby="search-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="search-title">
            {t('qa.search.title')}
          </h2>
          <span className="card-meta" aria-live="polite">
            {t('qa.search.count', { count: fmt.integer(total) })}
          </span>
        </div>
        {hasFilters && (
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() =>
              setParams((p) => {
                for (const k of FILTER_KEYS) p.delete(k);
                p.delete('page');
                return p;
              })
            }
          >
            {t('qa.search.clear')}
          </button>
        )}
      </header>
      <div className="filter-bar">
        {select(
          'operator',
          t('qa.filter.operator'),
          operators.map((o) => ({ value: o.operatorId, label: o.name })),
          t('qa.filter.any'),
        )}
        {select(
          'team',
          t('qa.filter.team'),
          (teams.data?.teams ?? []).map((x) => ({ value: x.teamId, label: x.name })),
          t('qa.filter.allTeams'),
        )}
        {input('from', t('qa.filter.from'), 'date')}
        {input('to', t('qa.filter.to'), 'date')}
        {select(
          'direction',
          t('qa.filter.direction'),
          CALL_DIRECTIONS.map((d) => ({ value: d, label: t(`qa.direction.${d}`) })),
          t('qa.filter.any'),
        )}
        {select(
          'taskType',
          t('qa.filter.taskType'),
          TASK_TYPES.map((d) => ({ value: d, label: t(`qa.task.${d}`) })),
          t('qa.filter.any'),
        )}
        {input('minDuration', t('qa.filter.minDuration'), 'number')}
        {input('maxDuration', t('qa.filter.maxDuration'), 'number')}
        {select(
          'hasEvaluation',
          t('qa.filter.hasEvaluation'),
          [
            { value: 'true', label: t('qa.filter.evaluated') },
            { value: 'false', label: t('qa.filter.notEvaluated') },
          ],
          t('qa.filter.any'),
        )}
      </div>
      {from && !to ? <p className="card-note">{t('qa.search.rangeHint')}</p> : null}
      {lead && (
        <div className="selection-bar">
          <span className="cell-muted">{t('qa.search.selected', { count: selected.length })}</span>
          <label className="visually-hidden" htmlFor={`${base}-monitor`}>
            {t('qa.search.assignTo')}
          </label>
          <select
            id={`${base}-monitor`}
            className="select select-small"
            value={monitor}
            onChange={(e) => setMonitor(e.target.value)}
          >
            <option value="">{t('qa.search.pickMonitor')}</option>
            {(monitors.data?.monitors ?? []).map((m) => (
              <option key={m.username} value={m.username}>
                {m.displayName || m.username}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={!monitor || selected.length === 0 || assign.isPending}
            onClick={() =>
              assign.mutate(
                { period, assignments: selected.map((callId) => ({ callId, monitor })) },
                {
                  onSuccess: (r) => {
                    setSelected([]);
                    setMessage(
                      t('qa.assign.result', { created: r.created.length, skipped: r.skipped.length }),
                    );
                  },
                },
              )
            }
          >
            {t('qa.search.assign')}
          </button>
          {message && (
            <span className="form-ok inline-ok" role="status">
              {message}
            </span>
          )}
          {assign.error && (
            <span className="form-error sentence" role="alert">
              {errorMessage(assign.error, t)}
            </span>
          )}
        </div>
      )}
      {calls.isError && !calls.data ? (
        <ErrorState error={calls.error} onRetry={() => void calls.refetch()} />
      ) : !calls.data ? (
        <div className="card-body">
          <Skeleton height={320} />
        </div>
      ) : rows.length === 0 ? (
        <EmptyState title={t('qa.search.empty.title')}>{t('qa.search.empty.body')}</EmptyState>
      ) : (
        <>
          {calls.isError && (
            <p className="form-error sentence" role="alert">
              {errorMessage(calls.error, t)}
            </p>
          )}
          <div className={calls.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
            <table className="data-table calls-table">
              <thead>
                <tr>
                  {lead && (
                    <th scope="col">
                      <span className="visually-hidden">{t('qa.search.select')}</span>
                    </th>
                  )}
                  <th scope="col">{t('qa.col.call')}</th>
                  <SortHeader
                    label={t('qa.col.started')}
                    k="startedAt"
                    sort={sort}
                    order={order}
                    onSort={sortBy}
                  />
                  <SortHeader
                    label={t('qa.col.operator')}
                    k="operator"
                    sort={sort}
                    order={order}
                    onSort={sortBy}
                  />
                  <th scope="col">{t('qa.col.type')}</th>
                  <SortHeader
                    label={t('qa.col.talk')}
                    k="talk"
                    sort={sort}
                    order={order}
                    onSort={sortBy}
                    numeric
                  />
                  <th scope="col">{t('qa.col.disposition')}</th>
                  <th scope="col" className="num">
                    {t('qa.col.evaluations')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <CallRow
                    key={c.callId}
                    c={c}
                    fmt={fmt}
                    dt={dt}
                    lead={lead}
                    checked={selected.includes(c.callId)}
                    onCheck={(on) =>
                      setSelected((s) => (on ? [...s, c.callId] : s.filter((x) => x !== c.callId)))
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t('qa.pager.label')}>
            <span className="cell-muted">
              {t('qa.pager.range', {
                from: fmt.integer((page - 1) * PAGE_SIZE + 1),
                to: fmt.integer(Math.min(total, page * PAGE_SIZE)),
                total: fmt.integer(total),
              })}
            </span>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={page <= 1}
              onClick={() => setPage(page - 1)}
            >
              {t('qa.pager.previous')}
            </button>
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={page >= pages}
              onClick={() => setPage(page + 1)}
            >
              {t('qa.pager.next')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}

function SortHeader({
  label,
  k,
  sort,
  order,
  onSort,
  numeric,
}: {
  label: string;
  k: string;
  sort: string;
  order: string;
  onSort(k: string): void;
  numeric?: boolean;
}) {
  const active = sort === k;
  return (
    <th
      scope="col"
      className={numeric ? 'num' : undefined}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={active ? 'sort-button is-sorted' : 'sort-button'}
        onClick={() => onSort(k)}
      >
        <span>{label}</span>
        <SortIcon direction={active ? (order === 'asc' ? 'ascending' : 'descending') : null} />
      </button>
    </th>
  );
}

function CallRow({
  c,
  fmt,
  dt,
  lead,
  checked,
  onCheck,
}: {
  c: CallListItem;
  fmt: Formatters;
  dt: ReturnType<typeof useDateTime>;
  lead: boolean;
  checked: boolean;
  onCheck(on: boolean): void;
}) {
  const t = useT();
  return (
    <tr>
      {lead && (
        <td>
          <input
            type="checkbox"
            checked={checked}
            aria-label={t('qa.search.selectCall', { id: c.callId })}
            onChange={(e) => onCheck(e.target.checked)}
          />
        </td>
      )}
      <td>
        <Link className="call-link" to={`/calls/${encodeURIComponent(c.callId)}`}>
          {c.callId}
        </Link>
      </td>
      <td className="cell-muted">{dt.short(c.startedAt)}</td>
      <td className="cell-name">
        {c.operatorName ?? '—'}
        {c.teamId && <span className="cell-sub">{c.teamId}</span>}
      </td>
      <td className="cell-muted">
        {t(`qa.direction.${c.direction as 'inbound'}`)}
        {c.taskType && ` · ${t(`qa.task.${c.taskType as 'order'}`)}`}
      </td>
      <td className="num">{c.talkS === null ? '—' : fmt.duration(c.talkS)}</td>
      <td className="cell-muted">{t(`qa.disposition.${c.disposition as 'answered'}`)}</td>
      <td className="num">
        {c.evaluations > 0 ? fmt.integer(c.evaluations) : <span className="cell-muted">—</span>}
      </td>
    </tr>
  );
}
