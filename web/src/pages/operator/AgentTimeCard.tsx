import { useOperatorActivity } from '../../api/dashboard.ts';
import { ErrorState } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** The card's frame: its title and what it holds. */
function AgentTimeShell({ children }: { children: React.ReactNode }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="agent-time-title">
      <header className="card-header">
        <h2 className="card-title" id="agent-time-title">
          {t('agentTime.title')}
        </h2>
      </header>
      <div className="card-body">{children}</div>
    </section>
  );
}

/**
 * The operator's time logged in during the month, by state, with his occupancy and the share he
 * spent paused: from the operator states a dialler's agent log or the Asterisk queue_log's
 * members' logins and pauses give. A center that loads none
 * sees no card rather than an empty one on every operator.
 */
export function AgentTimeCard({
  operatorId,
  period,
  fmt,
}: {
  operatorId: string;
  period: string;
  fmt: Formatters;
}) {
  const t = useT();
  const activity = useOperatorActivity(operatorId, period);
  if (activity.isError && !activity.data) {
    return (
      <AgentTimeShell>
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} compact />
      </AgentTimeShell>
    );
  }
  const time = activity.data?.operators.find((o) => o.operatorId === operatorId)?.agentTime;
  if (!time) return null;
  const parts = [
    ['agentTime.available', time.availableSeconds],
    ['agentTime.talk', time.talkSeconds],
    ['agentTime.wrap', time.wrapSeconds],
    ['agentTime.pause', time.pauseSeconds],
  ] as const;
  return (
    <AgentTimeShell>
      <div className="kpi-grid">
        <div className="kpi">
          <span className="kpi-label">{t('agentTime.logged')}</span>
          <span className="kpi-value">{fmt.duration(time.loggedSeconds)}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('agentTime.occupancy')}</span>
          <span className="kpi-value">
            {time.occupancy === null ? t('kpi.none') : fmt.percent(time.occupancy)}
          </span>
          <span className="kpi-hint">{t('agentTime.occupancyHint')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('agentTime.pauseShare')}</span>
          <span className="kpi-value">
            {time.pauseShare === null ? t('kpi.none') : fmt.percent(time.pauseShare)}
          </span>
        </div>
      </div>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('agentTime.state')}</th>
            <th scope="col" className="num">
              {t('agentTime.time')}
            </th>
          </tr>
        </thead>
        <tbody>
          {parts.map(([key, seconds]) => (
            <tr key={key}>
              <th scope="row">{t(key)}</th>
              <td className="num">{fmt.duration(seconds)}</td>
            </tr>
          ))}
          {time.pauses.map((p) => (
            <tr key={`pause-${p.reason ?? ''}`} className="agent-time-reason">
              <th scope="row">
                {t('agentTime.pauseReason', { reason: p.reason ?? t('agentTime.noReason') })}
              </th>
              <td className="num">{fmt.duration(p.seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AgentTimeShell>
  );
}
