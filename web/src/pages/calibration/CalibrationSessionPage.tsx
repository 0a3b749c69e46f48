import { useParams } from 'react-router';
import { useNames } from '../../api/names.ts';
import { useCalibration, useCalibrationResults } from '../../api/qa.ts';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useT } from '../../i18n/index.ts';
import { AgreementCard } from './AgreementCard.tsx';
import { statusBadgeClass } from './calibration.ts';
import { MonitorResultsCard } from './MonitorResultsCard.tsx';
import { ParticipantsCard } from './ParticipantsCard.tsx';
import { ResultsKpis } from './ResultsKpis.tsx';

/** One calibration session: who scored, my blind scoring, closing it, and its results. */
export default function CalibrationSessionPage() {
  const t = useT();
  const dt = useClock();
  const names = useNames();
  const { id = '0' } = useParams();
  const sessionId = Number(id);
  useDocumentTitle(t('qa.calibration.session', { id }));
  const { user } = useSession();
  const query = useCalibration(sessionId);
  const session = query.data?.session;
  const results = useCalibrationResults(sessionId, session?.status === 'closed');

  if (query.isError)
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.calibration.session', { id })}</h1>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  if (!session)
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="page">
          <Skeleton width={260} height={28} />
          <Skeleton height={240} />
        </div>
      </LoadingRegion>
    );

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/calibration', label: t('qa.back.calibrationList') }}
        title={t('qa.calibration.session', { id: session.id })}
        subtitle={t('qa.calibration.sessionSubtitle', {
          call: session.callId,
          form: session.formName,
          user: names.user(session.createdBy),
          date: dt.date(session.createdAt),
        })}
        actions={
          <span className={statusBadgeClass(session.status)}>
            {t(`qa.calibration.status.${session.status}`)}
          </span>
        }
      />
      {session.note && <p className="note-banner">{session.note}</p>}
      <ParticipantsCard session={session} user={user} />
      {session.status === 'closed' &&
        (results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : !results.data ? (
          <Skeleton height={320} />
        ) : (
          <>
            <ResultsKpis r={results.data} />
            <MonitorResultsCard monitors={results.data.monitors} />
            <AgreementCard r={results.data} />
          </>
        ))}
    </div>
  );
}
