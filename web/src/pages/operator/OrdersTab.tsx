import { useOperatorOrders } from '../../api/dashboard.ts';
import { useT } from '../../i18n/index.ts';
import { orderErrors, type TabProps } from './activity-tabs.ts';
import { CallLink } from './CallLink.tsx';
import { ListState } from './ListState.tsx';
import { codeLabel } from './labels.ts';

/** The orders of the month, with their errors and the rules they broke. */
export function OrdersTab({ operatorId, period, fmt, when }: TabProps) {
  const t = useT();
  const q = useOperatorOrders(operatorId, period, true);
  return (
    <ListState q={q} empty={(d) => d.orders.length === 0}>
      {(d) => (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('opPage.col.created')}</th>
                <th scope="col">{t('opPage.col.order')}</th>
                <th scope="col">{t('opPage.col.client')}</th>
                <th scope="col">{t('opPage.col.status')}</th>
                <th scope="col" className="num">
                  {t('opPage.col.total')}
                </th>
                <th scope="col">{t('opPage.col.error')}</th>
                <th scope="col">{t('opPage.col.call')}</th>
              </tr>
            </thead>
            <tbody>
              {d.orders.map((o) => {
                const errors = orderErrors(t, o);
                return (
                  <tr key={o.orderId} className={errors.length ? 'has-error' : undefined}>
                    <td>{when(o.createdAt)}</td>
                    <td>{o.orderId}</td>
                    <td className="cell-muted">{o.clientId ?? t('kpi.none')}</td>
                    <td>{codeLabel(t, 'orderStatus', o.status)}</td>
                    <td className="num">{fmt.money(o.total)}</td>
                    <td>
                      {errors.length ? (
                        <span className="deducted">{errors.join(' · ')}</span>
                      ) : (
                        <span className="cell-muted">{t('kpi.none')}</span>
                      )}
                    </td>
                    <td>{o.callId ? <CallLink id={o.callId} /> : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {d.total > d.orders.length && (
            <p className="list-more">
              {t('opPage.more', { shown: fmt.integer(d.orders.length), total: fmt.integer(d.total) })}
            </p>
          )}
        </>
      )}
    </ListState>
  );
}
