import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { PassRatesResponse } from '../../../../schemas/autoqa-pass-rates.ts';
import { usePassRates } from '../../api/autoqa.ts';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { checkSearchPath } from '../call-queue/queue-params.ts';
import {
  CHECK_RATE_VIEWS,
  type CheckRateRow,
  checkRateRows,
  checkRateView,
  shownCheck,
} from './check-rates.ts';
import { RateBar } from './RateBar.tsx';

/**
 * AutoQA on the dashboard: each check's pass rate over the month's checked calls of the selection,
 * or one check per team or per operator, worst first. A check's failures open the call queue's
 * search for them (and the team or operator, and the month).
 */
export function AutoqaChecksCard({
  period,
  team,
  department,
  view: wantedView,
  check: wantedCheck,
  onChange,
  canDrill,
  fmt,
}: {
  period: string;
  team: string | null;
  department: string | null;
  view: string | null;
  check: string | null;
  /** The card's view and check live in the address, as the dashboard's other choices do. */
  onChange(changes: { aqView?: string | null; aqCheck?: string | null }): void;
  /** The user may open the call queue. */
  canDrill: boolean;
  fmt: Formatters;
}) {
  const t = useT();
  const language = useLanguage();
  const ids = { view: useId(), check: useId() };
  const rates = usePassRates({ period, team, department });
  const data = rates.data;
  const view = checkRateView(wantedView);
  const check = data ? shownCheck(data, wantedCheck) : '';
  const labelOf = (d: PassRatesResponse, key: string) =>
    d.checks.find((c) => c.key === key)?.labels[language] ?? key;

  let body: ReactNode;
  if (rates.isError && !data)
    body = <ErrorState error={rates.error} onRetry={() => void rates.refetch()} compact />;
  else if (!data)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton height={240} />
      </LoadingRegion>
    );
  else if (data.total.calls === 0)
    body = <EmptyState title={t('aq.rates.empty')}>{t('aq.rates.emptyBody')}</EmptyState>;
  else {
    const rows = checkRateRows(data, view, check, team);
    body = (
      <div className={rates.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
        <table className="data-table check-rates">
          <thead>
            <tr>
              <th scope="col">
                {view === 'selection'
                  ? t('aq.rates.check')
                  : view === 'team'
                    ? t('aq.rates.team')
                    : t('aq.rates.operator')}
              </th>
              <th scope="col" className="check-rates-bar-col">
                {t('aq.rates.passRate')}
              </th>
              <th scope="col" className="num">
                {t('aq.rates.passed')}
              </th>
              <th scope="col" className="num">
                {t('aq.rates.failures')}
              </th>
              <th scope="col" className="num">
                {t('aq.rates.na')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <RateRow
                key={r.id}
                r={r}
                label={r.name ?? labelOf(data, r.key)}
                drill={
                  canDrill
                    ? checkSearchPath(period, r.key, 'fail', { team: r.team, operator: r.operator })
                    : null
                }
                fmt={fmt}
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby="aq-checks-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="aq-checks-title">
            {t('aq.rates.title')}
          </h2>
          {data && (
            <span className="card-meta">
              {t('aq.rates.meta', { count: fmt.integer(data.total.calls), period: fmt.period(period) })}
            </span>
          )}
        </div>
        <div className="filters">
          <div className="field field-inline">
            <label className="field-label" htmlFor={ids.view}>
              {t('aq.rates.show')}
            </label>
            <select
              id={ids.view}
              className="select select-small"
              value={view}
              onChange={(e) => onChange({ aqView: e.target.value === 'selection' ? null : e.target.value })}
            >
              {CHECK_RATE_VIEWS.map((v) => (
                <option key={v} value={v}>
                  {t(`aq.rates.view.${v}`)}
                </option>
              ))}
            </select>
          </div>
          {view !== 'selection' && data && (
            <div className="field field-inline">
              <label className="field-label" htmlFor={ids.check}>
                {t('aq.filter.check')}
              </label>
              <select
                id={ids.check}
                className="select select-small"
                value={check}
                onChange={(e) => onChange({ aqCheck: e.target.value })}
              >
                {data.checks.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.labels[language]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </header>
      <div className="card-body">{body}</div>
    </section>
  );
}

function RateRow({
  r,
  label,
  drill,
  fmt,
}: {
  r: CheckRateRow;
  label: string;
  drill: string | null;
  fmt: Formatters;
}) {
  const t = useT();
  return (
    <tr>
      <th scope="row" className="cell-name">
        {label}
      </th>
      <td>
        <RateBar rate={r.rate} fmt={fmt} />
      </td>
      <td className="num">
        {t('aq.rates.passedOf', { pass: fmt.integer(r.pass), applied: fmt.integer(r.pass + r.fail) })}
      </td>
      <td className="num">
        {r.fail > 0 && drill ? (
          <Link
            to={drill}
            className="check-failures"
            aria-label={t('aq.rates.failuresOf', { check: label, count: fmt.integer(r.fail) })}
          >
            {fmt.integer(r.fail)}
          </Link>
        ) : (
          fmt.integer(r.fail)
        )}
      </td>
      <td className="num cell-muted">{fmt.integer(r.na)}</td>
    </tr>
  );
}
