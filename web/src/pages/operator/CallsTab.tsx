import { Link } from 'react-router';
import { useOperatorCalls } from '../../api/dashboard.ts';
import { useT } from '../../i18n/index.ts';
import { callHref, type TabProps } from './activity-tabs.ts';
import { ListState } from './ListState.tsx';
import { codeLabel } from './labels.ts';

/** The calls of the month, each linked to its page. */
export function CallsTab({ operatorId, period, fmt, when }: TabProps) {
  const t = useT();
  const q = useOperatorCalls(operatorId, period, true);
  return (
    <ListState q={q} empty={(d) => d.calls.length === 0}>
      {(d) => (
        <>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('opPage.col.started')}</th>
                <th scope="col">{t('opPage.col.direction')}</th>
                <th scope="col">{t('opPage.col.taskType')}</th>
                <th scope="col">{t('opPage.col.outcome')}</th>
                <th scope="col" className="num">
                  {t('opPage.col.talk')}
                </th>
                <th scope="col" className="num">
                  {t('opPage.col.evaluations')}
                </th>
                <th scope="col">{t('opPage.col.call')}</th>
              </tr>
            </thead>
            <tbody>
              {d.calls.map((c) => (
                <tr key={c.callId}>
                  <td>{when(c.startedAt)}</td>
                  <td>{codeLabel(t, 'direction', c.direction)}</td>
                  <td>{codeLabel(t, 'taskType', c.taskType)}</td>
                  <td>
                    {c.answeredAt
                      ? codeLabel(t, 'outcome', c.outcome ?? 'completed')
                      : codeLabel(t, 'disposition', c.disposition)}
                  </td>
                  <td className="num">{c.talkS === null ? t('kpi.none') : fmt.duration(c.talkS)}</td>
                  <td className="num">{fmt.integer(c.evaluations)}</td>
                  <td>
                    <Link to={callHref(c.callId)} className="call-link">
                      {c.callId}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.total > d.calls.length && (
            <p className="list-more">
              {t('opPage.more', { shown: fmt.integer(d.calls.length), total: fmt.integer(d.total) })}
            </p>
          )}
        </>
      )}
    </ListState>
  );
}
