import { Link, useNavigate, useParams } from 'react-router';
import type { CalibrationResults } from '../../../schemas/calibration.ts';
import type { AnswerValue } from '../../../schemas/forms.ts';
import {
  useCalibration,
  useCalibrationResults,
  useCloseCalibration,
  useStartCalibrationScoring,
} from '../api/qa.ts';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorState, errorMessage, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { type Formatters, useFormat } from '../format.ts';
import { type Translate, useT } from '../i18n/index.ts';
import { signed, useDateTime } from './qa/shared.tsx';

function answerText(v: AnswerValue | undefined, t: Translate): string {
  if (v === undefined) return '—';
  if (v === null) return t('qa.answer.na');
  if (v === true) return t('qa.answer.yes');
  if (v === false) return t('qa.answer.no');
  return String(v);
}

/** One calibration session: who scored, my blind scoring, closing it, and its results. */
export default function CalibrationSessionPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useDateTime();
  const navigate = useNavigate();
  const { id = '0' } = useParams();
  const sessionId = Number(id);
  useDocumentTitle(t('qa.calibration.session', { id }));
  const { user } = useSession();
  const lead = user.role === 'qa_lead' || user.role === 'admin';
  const query = useCalibration(sessionId);
  const session = query.data?.session;
  const results = useCalibrationResults(sessionId, session?.status === 'closed');
  const start = useStartCalibrationScoring();
  const close = useCloseCalibration();

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
  const me = session.participants.find((p) => p.monitor === user.username);
  const failure = start.error ?? close.error;

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/calibration', label: t('qa.back.calibrationList') }}
        title={t('qa.calibration.session', { id: session.id })}
        subtitle={t('qa.calibration.sessionSubtitle', {
          call: session.callId,
          form: session.formName,
          user: session.createdBy,
          date: dt.date(session.createdAt),
        })}
        actions={
          <span className={session.status === 'open' ? 'badge badge-open' : 'badge badge-locked'}>
            {t(`qa.calibration.status.${session.status}`)}
          </span>
        }
      />
      {session.note && <p className="note-banner">{session.note}</p>}
      <section className="card" aria-labelledby="participants-title">
        <header className="card-header">
          <h2 className="card-title" id="participants-title">
            {t('qa.calibration.participants')}
          </h2>
          <div className="confirm-buttons">
            {session.status === 'open' &&
              me &&
              (me.evaluationId ? (
                <Link
                  className="button button-primary button-small"
                  to={`/evaluations/${encodeURIComponent(me.evaluationId)}`}
                >
                  {me.submitted ? t('qa.calibration.viewMine') : t('qa.calibration.continue')}
                </Link>
              ) : (
                <button
                  type="button"
                  className="button button-primary button-small"
                  disabled={start.isPending}
                  onClick={() =>
                    start.mutate(session.id, {
                      onSuccess: (r) => navigate(`/evaluations/${encodeURIComponent(r.evaluation.id)}`),
                    })
                  }
                >
                  {t('qa.calibration.start')}
                </button>
              ))}
            {session.status === 'open' && lead && (
              <button
                type="button"
                className="button button-secondary button-small"
                disabled={close.isPending}
                onClick={() => close.mutate(session.id)}
              >
                {t('qa.calibration.close')}
              </button>
            )}
          </div>
        </header>
        <div className="card-body">
          {session.status === 'open' && <p className="card-text">{t('qa.calibration.blind')}</p>}
          <ul className="participant-list">
            {session.participants.map((p) => (
              <li key={p.monitor}>
                <span className="cell-name">{p.monitor}</span>
                {p.reference && (
                  <span className="badge badge-open">{t('qa.calibration.referenceBadge')}</span>
                )}
                <span className={p.submitted ? 'badge badge-locked' : 'badge badge-neutral'}>
                  {p.submitted ? t('qa.calibration.submitted') : t('qa.calibration.pending')}
                </span>
              </li>
            ))}
          </ul>
          {failure && (
            <p className="form-error sentence" role="alert">
              {errorMessage(failure, t)}
            </p>
          )}
        </div>
      </section>
      {session.status === 'closed' &&
        (results.isError ? (
          <ErrorState error={results.error} onRetry={() => void results.refetch()} />
        ) : !results.data ? (
          <Skeleton height={320} />
        ) : (
          <Results r={results.data} fmt={fmt} />
        ))}
    </div>
  );
}

function Results({ r, fmt }: { r: CalibrationResults; fmt: Formatters }) {
  const t = useT();
  const monitors = r.monitors.map((m) => m.monitor);
  const alpha = (a: { alpha: number | null }) => (a.alpha === null ? '—' : fmt.decimal(a.alpha, 2));
  return (
    <>
      <section className="kpi-grid kpi-grid-4" aria-label={t('kpi.label')}>
        <div className="kpi">
          <span className="kpi-label">{t('qa.results.mean')}</span>
          <span className="kpi-value">{r.mean === null ? '—' : fmt.decimal(r.mean, 2)}</span>
          <span className="kpi-hint">
            {r.basis === 'reference'
              ? t('qa.results.basisReference', {
                  score: r.basisScore === null ? '—' : fmt.decimal(r.basisScore, 2),
                })
              : t('qa.results.basisMean')}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('qa.results.sd')}</span>
          <span className="kpi-value">{r.sd === null ? '—' : fmt.decimal(r.sd, 2)}</span>
          <span className="kpi-hint">{t('qa.results.sdHint')}</span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('qa.results.alphaNominal')}</span>
          <span className="kpi-value">{alpha(r.alpha.nominal)}</span>
          <span className="kpi-hint">
            {t('qa.results.alphaNominalHint', { units: r.alpha.nominal.units })}
          </span>
        </div>
        <div className="kpi">
          <span className="kpi-label">{t('qa.results.alphaOrdinal')}</span>
          <span className="kpi-value">{alpha(r.alpha.ordinal)}</span>
          <span className="kpi-hint">
            {t('qa.results.alphaOrdinalHint', { units: r.alpha.ordinal.units })}
          </span>
        </div>
      </section>
      <section className="card" aria-labelledby="monitors-title">
        <header className="card-header">
          <h2 className="card-title" id="monitors-title">
            {t('qa.results.monitors')}
          </h2>
        </header>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('qa.col.monitor')}</th>
                <th scope="col" className="num">
                  {t('qa.col.score')}
                </th>
                <th scope="col" className="num">
                  {t('qa.col.deviation')}
                </th>
                <th scope="col">{t('qa.col.evaluation')}</th>
              </tr>
            </thead>
            <tbody>
              {r.monitors.map((m) => (
                <tr key={m.monitor}>
                  <td className="cell-name">
                    {m.monitor}
                    {m.reference && (
                      <span className="badge badge-muted">{t('qa.calibration.referenceBadge')}</span>
                    )}
                  </td>
                  <td className="num">
                    {fmt.decimal(m.score, 2)}
                    {m.criticalFailed && (
                      <span className="badge badge-danger badge-small">{t('qa.critical')}</span>
                    )}
                  </td>
                  <td className="num">
                    <span
                      className={m.deviation < 0 ? 'delta-down' : m.deviation > 0 ? 'delta-up' : undefined}
                    >
                      {signed(fmt, m.deviation, 2)}
                    </span>
                  </td>
                  <td>
                    <Link to={`/evaluations/${encodeURIComponent(m.evaluationId)}`}>{m.evaluationId}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="agreement-title">
        <header className="card-header">
          <div className="card-heading">
            <h2 className="card-title" id="agreement-title">
              {t('qa.results.agreement')}
            </h2>
            <span className="card-meta">{t('qa.results.agreementHint')}</span>
          </div>
        </header>
        <div className="table-scroll">
          <table className="data-table agreement-table">
            <thead>
              <tr>
                <th scope="col">{t('qa.col.question')}</th>
                {monitors.map((m) => (
                  <th key={m} scope="col">
                    {m}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('qa.col.agreement')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.questions.map((q) => (
                <tr key={q.questionId}>
                  <th scope="row" className="cell-name wrap">
                    {q.text}
                  </th>
                  {monitors.map((m) => {
                    const v = q.answers[m];
                    const odd = v !== undefined && JSON.stringify(v) !== JSON.stringify(q.mostCommon);
                    return (
                      <td key={m} className={odd ? 'answer-odd' : 'cell-muted'}>
                        {answerText(v, t)}
                      </td>
                    );
                  })}
                  <td className="num">
                    <span className={q.agreement < 0.67 ? 'delta-down' : undefined}>
                      {fmt.percent(q.agreement, 0)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
