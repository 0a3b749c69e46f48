import type { CallDetail } from '../../../../schemas/calls.ts';
import { useClock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';

/** What the monitor needs to know about the call: who, with whom, when, how long, what came of it. */
export function CallFactsCard({ call, fmt }: { call: CallDetail; fmt: Formatters }) {
  const t = useT();
  const dt = useClock();
  const rows: [string, string][] = [
    [t('qa.call.operator'), call.operator ? `${call.operator.name} · ${call.operator.operatorId}` : '—'],
    [t('qa.call.team'), call.operator?.teamName ?? call.operator?.teamId ?? '—'],
    [
      t('qa.call.client'),
      call.client
        ? `${call.client.name ?? call.client.clientId} · ${t('qa.call.clientType', { type: valueLabel(t, 'clientType', call.client.type) })}`
        : '—',
    ],
    [t('qa.call.started'), dt.withZone(dt.dateTime(call.startedAt))],
    [
      t('qa.call.direction'),
      `${t(`qa.direction.${call.direction as 'inbound'}`)}${call.taskType ? ` · ${t(`qa.task.${call.taskType as 'order'}`)}` : ''}`,
    ],
    [t('qa.call.talk'), call.talkS === null ? '—' : fmt.duration(call.talkS)],
    [
      t('qa.call.holdWrap'),
      `${call.holdS === null ? '—' : fmt.duration(call.holdS)} / ${call.wrapS === null ? '—' : fmt.duration(call.wrapS)}`,
    ],
    [
      t('qa.call.disposition'),
      `${t(`qa.disposition.${call.disposition as 'answered'}`)}${call.outcome ? ` · ${valueLabel(t, 'outcome', call.outcome)}` : ''}`,
    ],
  ];
  if (call.queue) rows.push([t('qa.call.queue'), call.queue]);
  // The PBX (its --source name) and the PBX's own id, apart: the call id joins them as NAME:uniqueid.
  if (call.pbx?.source) rows.push([t('pbx.source'), call.pbx.source]);
  if (call.pbx) rows.push([t('pbx.uniqueId'), call.pbx.uniqueId]);
  return (
    <section className="card" aria-labelledby="call-facts-title">
      <header className="card-header">
        <h2 className="card-title" id="call-facts-title">
          {t('qa.call.facts')}
        </h2>
        <span className="card-meta call-id">{call.callId}</span>
      </header>
      <div className="card-body">
        <dl className="facts">
          {rows.map(([k, v]) => (
            <div key={k} className="fact">
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <h3 className="subhead">{t('qa.call.orders', { count: call.orders.length })}</h3>
        {call.orders.length === 0 ? (
          <p className="cell-muted">{t('qa.call.noOrders')}</p>
        ) : (
          <ul className="fact-list">
            {call.orders.map((o) => {
              const problems = [
                o.errorCode ? t('qa.order.error', { code: o.errorCode }) : null,
                o.breaksDebtRule ? t('qa.order.debt') : null,
                o.breaksRoutingRule ? t('qa.order.routing') : null,
              ].filter((x): x is string => x !== null);
              return (
                <li key={o.orderId}>
                  <span className="fact-list-main">
                    {o.orderId} · {fmt.money(o.total)} · {valueLabel(t, 'orderStatus', o.status)}
                    {o.offeredItems !== null && ` · ${t('qa.order.offered', { count: o.offeredItems })}`}
                  </span>
                  {problems.length === 0 ? (
                    <span className="badge badge-locked badge-small">{t('qa.order.ok')}</span>
                  ) : (
                    problems.map((p) => (
                      <span key={p} className="badge badge-danger badge-small">
                        {p}
                      </span>
                    ))
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <h3 className="subhead">{t('qa.call.claims', { count: call.claims.length })}</h3>
        {call.claims.length === 0 ? (
          <p className="cell-muted">{t('qa.call.noClaims')}</p>
        ) : (
          <ul className="fact-list">
            {call.claims.map((c) => (
              <li key={c.claimId}>
                <span className="fact-list-main">
                  {c.claimId} · {t(`qa.claim.source.${c.source as 'client'}`)} ·{' '}
                  {t(`qa.claim.status.${c.status as 'open'}`)}
                </span>
                {c.description && <span className="fact-list-sub">{c.description}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
