import { Link, useParams } from 'react-router';
import { useCoaching } from '../../api/coaching.ts';
import { useNames } from '../../api/names.ts';
import { useClock } from '../../clock.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useBackLink } from '../../components/useBackLink.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CallRecording } from './CallRecording.tsx';
import { CoachingActions } from './CoachingActions.tsx';
import { CoachingNotes } from './CoachingNotes.tsx';
import { CoachingStatusBadge, GoalLabel, ProgressFigures, targetText } from './goal.tsx';

/** One coaching session: what it is about, its goal measured before and after, and who did what. */
export default function CoachingSessionPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useClock();
  const names = useNames();
  const id = Number(useParams().id);
  const q = useCoaching(id);
  const s = q.data?.session;
  const title = t('coaching.session.name', { id });
  useDocumentTitle(title);
  const back = useBackLink('/coaching');

  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (!s)
    return (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton height={320} />
      </LoadingRegion>
    );
  return (
    <div className="page">
      <PageHeader
        title={title}
        subtitle={t('coaching.session.subtitle', { operator: s.operatorName, date: fmt.dayLong(s.openedOn) })}
        back={back}
        actions={<CoachingStatusBadge status={s.status} />}
      />
      <ProgressFigures session={s} fmt={fmt} />
      <div className="coaching-grid">
        <div className="coaching-calls">
          <section className="card" aria-labelledby="coaching-about">
            <header className="card-header">
              <h2 className="card-title" id="coaching-about">
                {t('coaching.session.about')}
              </h2>
            </header>
            <div className="card-body coaching-about">
              <dl className="coaching-facts">
                <dt>{t('coaching.col.operator')}</dt>
                <dd>
                  <Link to={`/operators/${encodeURIComponent(s.operatorId)}`}>{s.operatorName}</Link>
                </dd>
                <dt>{t('coaching.col.goal')}</dt>
                <dd data-testid="goal">
                  <GoalLabel goal={s.goal} period={s.openedOn.slice(0, 7)} />
                </dd>
                <dt>{t('coaching.col.target')}</dt>
                <dd>{targetText(s, fmt)}</dd>
                <dt>{t('coaching.col.followUp')}</dt>
                <dd>{fmt.dayLong(s.followUpOn)}</dd>
                <dt>{t('coaching.session.openedBy')}</dt>
                <dd>
                  {names.user(s.openedBy)} · {dt.dateTime(s.openedAt)}
                </dd>
                <dt>{t('coaching.session.source')}</dt>
                <dd>
                  {t(`coaching.source.${s.source}`)}
                  {s.sourceRef && ` · ${s.sourceRef}`}
                </dd>
              </dl>
              {s.findings.length > 0 && (
                <>
                  <h3 className="form-section-title">{t('coaching.session.findings')}</h3>
                  <ul data-testid="findings">
                    {s.findings.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                </>
              )}
              {s.notes && (
                <>
                  <h3 className="form-section-title">{t('coaching.session.openingNotes')}</h3>
                  <p className="coaching-notes">{s.notes}</p>
                </>
              )}
            </div>
          </section>
          {s.callIds.length > 0 && (
            <section className="card" aria-labelledby="coaching-calls">
              <header className="card-header">
                <h2 className="card-title" id="coaching-calls">
                  {t('coaching.session.calls')}
                </h2>
              </header>
              <div className="card-body coaching-calls">
                {s.callIds.map((c) => (
                  <CallRecording key={c} callId={c} fmt={fmt} />
                ))}
              </div>
            </section>
          )}
        </div>
        <div className="coaching-side">
          <CoachingActions session={s} />
          <CoachingNotes sessionId={s.id} />
        </div>
      </div>
    </div>
  );
}
