import { Link } from 'react-router';
import type { CalibrationSession } from '../../../../schemas/calibration.ts';
import { useNames } from '../../api/names.ts';
import type { useCalibrations } from '../../api/qa.ts';
import { useClock } from '../../clock.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { sessionLink, statusBadgeClass, submittedCount, type Viewer } from './calibration.ts';

/** The sessions the viewer may see, each with the step it offers him. */
export function SessionsCard({
  sessions,
  user,
}: {
  sessions: ReturnType<typeof useCalibrations>;
  user: Viewer;
}) {
  const t = useT();
  const list = sessions.data?.sessions ?? [];
  return (
    <Card
      id="sessions-title"
      title={t('qa.calibration.sessions')}
      meta={
        sessions.data ? (
          <span className="card-meta">{t('qa.calibration.count', { count: list.length })}</span>
        ) : null
      }
    >
      {sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : !sessions.data ? (
        <LoadingRegion label={t('app.loading')}>
          <div className="card-body">
            <Skeleton height={160} />
          </div>
        </LoadingRegion>
      ) : list.length === 0 ? (
        <EmptyState title={t('qa.calibration.empty.title')}>{t('qa.calibration.empty.body')}</EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <ColumnHeads
              columns={[
                t('qa.col.session'),
                t('qa.col.call'),
                t('qa.col.form'),
                t('qa.col.participants'),
                t('qa.col.status'),
                { label: t('qa.col.action'), num: true },
              ]}
            />
            <tbody>
              {list.map((s) => (
                <SessionRow key={s.id} s={s} user={user} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function SessionRow({ s, user }: { s: CalibrationSession; user: Viewer }) {
  const t = useT();
  const dt = useClock();
  const link = sessionLink(s, user);
  const names = useNames();
  return (
    <tr>
      <td className="cell-name">
        {t('qa.calibration.session', { id: s.id })}
        <span className="cell-sub">{dt.date(s.createdAt)}</span>
      </td>
      <td className="cell-muted">
        {s.callId}
        <span className="cell-sub">{s.operatorId ? names.operator(s.operatorId) : ''}</span>
      </td>
      <td className="cell-muted">{s.formName}</td>
      <td className="cell-muted">
        {t('qa.calibration.submittedOf', { done: submittedCount(s), total: s.participants.length })}
        <span className="cell-sub">
          {s.participants
            .map((p) =>
              p.reference
                ? t('qa.calibration.refMark', { name: names.user(p.monitor) })
                : names.user(p.monitor),
            )
            .join(', ')}
        </span>
      </td>
      <td>
        <span className={statusBadgeClass(s.status)}>{t(`qa.calibration.status.${s.status}`)}</span>
      </td>
      <td className="num">
        <Link
          className={
            link.primary ? 'button button-primary button-small' : 'button button-secondary button-small'
          }
          to={`/calibration/${s.id}`}
        >
          {t(link.label)}
        </Link>
      </td>
    </tr>
  );
}
