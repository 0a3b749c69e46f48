import { Link } from 'react-router';
import type { CoachingView } from '../../../../schemas/coaching.ts';
import { useClock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CoachingStatusBadge, GoalLabel, goalValue, targetText } from './goal.tsx';

/** Coaching sessions, one a row: whom, the goal, its measure before and after, the follow-up. */
export function CoachingTable({
  sessions,
  fmt,
  showOperator = true,
}: {
  sessions: readonly CoachingView[];
  fmt: Formatters;
  showOperator?: boolean;
}) {
  const t = useT();
  const dt = useClock();
  return (
    <div className="table-scroll">
      <table className="data-table coaching-table" data-testid="coaching-table">
        <thead>
          <tr>
            <th scope="col">{t('coaching.col.session')}</th>
            {showOperator && <th scope="col">{t('coaching.col.operator')}</th>}
            <th scope="col">{t('coaching.col.goal')}</th>
            <th scope="col" className="num">
              {t('coaching.col.before')}
            </th>
            <th scope="col" className="num">
              {t('coaching.col.after')}
            </th>
            <th scope="col" className="num">
              {t('coaching.col.target')}
            </th>
            <th scope="col">{t('coaching.col.followUp')}</th>
            <th scope="col">{t('coaching.col.acknowledged')}</th>
            <th scope="col">{t('coaching.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session={s.id}>
              <td>
                <Link to={`/coaching/${s.id}`}>{t('coaching.session.name', { id: s.id })}</Link>
                <span className="cell-sub">{fmt.dayShort(s.openedOn)}</span>
              </td>
              {showOperator && <td className="cell-name">{s.operatorName}</td>}
              <td className="cell-wrap">
                <GoalLabel goal={s.goal} period={s.openedOn.slice(0, 7)} />
              </td>
              <td className="num">{goalValue(s.progress.before.value, s.progress.unit, fmt)}</td>
              <td className="num">{goalValue(s.progress.after.value, s.progress.unit, fmt)}</td>
              <td className="num">{targetText(s, fmt)}</td>
              <td>{fmt.dayShort(s.followUpOn)}</td>
              <td className="cell-muted">{s.acknowledgedAt ? dt.date(s.acknowledgedAt) : '—'}</td>
              <td>
                <CoachingStatusBadge status={s.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
