import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePassRates } from '../../api/autoqa.ts';
import { useSession } from '../../auth/session.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { mayOpen } from '../../routes.ts';
import { checkSearchPath } from '../call-queue/queue-params.ts';
import { OpenCoachingLink } from '../coaching/OpenCoachingLink.tsx';
import { RateBar } from '../dashboard/RateBar.tsx';

/**
 * The operator's pass rate of each AutoQA check in the month, beside his team's. Whoever may open
 * the call queue follows a check's failures to his calls that failed it.
 */
export function OperatorChecksCard({
  operatorId,
  period,
  fmt,
}: {
  operatorId: string;
  period: string;
  fmt: Formatters;
}) {
  const t = useT();
  const language = useLanguage();
  const canDrill = mayOpen(useSession().user.role, 'callQueue');
  const rates = usePassRates({ period, operator: operatorId });
  const data = rates.data;
  const own = data?.operators.find((o) => o.operatorId === operatorId);
  const team = data?.teams.find((x) => x.teamId === own?.teamId);

  let body: ReactNode;
  if (rates.isError && !data)
    body = <ErrorState error={rates.error} onRetry={() => void rates.refetch()} compact />;
  else if (!data)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton height={200} />
      </LoadingRegion>
    );
  else if (!own || own.calls === 0)
    body = <EmptyState title={t('aq.rates.empty')}>{t('aq.rates.emptyBody')}</EmptyState>;
  else
    body = (
      <div className={rates.isPlaceholderData ? 'table-scroll is-stale' : 'table-scroll'}>
        <table className="data-table check-rates">
          <thead>
            <tr>
              <th scope="col">{t('aq.rates.check')}</th>
              <th scope="col" className="check-rates-bar-col">
                {t('aq.op.own')}
              </th>
              <th scope="col" className="num">
                {t('aq.rates.failures')}
              </th>
              <th scope="col" className="check-rates-bar-col">
                {t('aq.op.team', { team: team?.name ?? own.teamId })}
              </th>
            </tr>
          </thead>
          <tbody>
            {own.checks.map((c) => {
              const label = data.checks.find((x) => x.key === c.key)?.labels[language] ?? c.key;
              const theirs = team?.checks.find((x) => x.key === c.key);
              return (
                <tr key={c.key}>
                  <th scope="row" className="cell-name">
                    {label}
                  </th>
                  <td>
                    <RateBar rate={c.rate} fmt={fmt} />
                  </td>
                  <td className="num">
                    {c.fail > 0 && canDrill ? (
                      <Link
                        to={checkSearchPath(period, c.key, 'fail', { operator: operatorId })}
                        className="check-failures"
                        aria-label={t('aq.rates.failuresOf', { check: label, count: fmt.integer(c.fail) })}
                      >
                        {fmt.integer(c.fail)}
                      </Link>
                    ) : (
                      fmt.integer(c.fail)
                    )}
                    {c.fail > 0 && (
                      <>
                        {' '}
                        <OpenCoachingLink
                          label={t('coaching.from.check', { check: label })}
                          prefill={{
                            operator: operatorId,
                            source: 'check',
                            ref: period,
                            check: c.key,
                            findings: [t('coaching.from.checkFinding', { check: label, count: c.fail })],
                          }}
                        />
                      </>
                    )}
                  </td>
                  <td>
                    <RateBar rate={theirs?.rate ?? null} fmt={fmt} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="card" aria-labelledby="op-checks-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="op-checks-title">
            {t('aq.rates.title')}
          </h2>
          {own && own.calls > 0 && (
            <span className="card-meta">
              {t('aq.op.meta', { count: fmt.integer(own.calls), teamCalls: fmt.integer(team?.calls ?? 0) })}
            </span>
          )}
        </div>
      </header>
      <div className="card-body">{body}</div>
    </section>
  );
}
