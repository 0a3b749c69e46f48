import { lazy, Suspense, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCalibrations, useCreateCalibration, useForms, useMonitors, useStrictness } from '../api/qa.ts';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, errorMessage, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { signed, useDateTime } from './qa/shared.tsx';

const StrictnessChart = lazy(() => import('./qa/StrictnessChart.tsx'));

/** Calibration: sessions I am invited to (or run), a new session, and each monitor's strictness. */
export default function CalibrationPage() {
  const t = useT();
  const fmt = useFormat();
  const dt = useDateTime();
  useDocumentTitle(t('qa.calibration.title'));
  const { user } = useSession();
  const lead = user.role === 'qa_lead' || user.role === 'admin';
  const sessions = useCalibrations();
  const strictness = useStrictness(lead);
  const list = sessions.data?.sessions ?? [];

  return (
    <div className="page">
      <PageHeader
        title={t('qa.calibration.title')}
        subtitle={lead ? t('qa.calibration.subtitleLead') : t('qa.calibration.subtitle')}
      />
      {lead && <NewSession />}
      <section className="card" aria-labelledby="sessions-title">
        <header className="card-header">
          <div className="card-heading">
            <h2 className="card-title" id="sessions-title">
              {t('qa.calibration.sessions')}
            </h2>
            {sessions.data && (
              <span className="card-meta">{t('qa.calibration.count', { count: list.length })}</span>
            )}
          </div>
        </header>
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
              <thead>
                <tr>
                  <th scope="col">{t('qa.col.session')}</th>
                  <th scope="col">{t('qa.col.call')}</th>
                  <th scope="col">{t('qa.col.form')}</th>
                  <th scope="col">{t('qa.col.participants')}</th>
                  <th scope="col">{t('qa.col.status')}</th>
                  <th scope="col" className="num">
                    {t('qa.col.action')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => {
                  const me = s.participants.find((p) => p.monitor === user.username);
                  const submitted = s.participants.filter((p) => p.submitted).length;
                  return (
                    <tr key={s.id}>
                      <td className="cell-name">
                        {t('qa.calibration.session', { id: s.id })}
                        <span className="cell-sub">{dt.date(s.createdAt)}</span>
                      </td>
                      <td className="cell-muted">
                        {s.callId}
                        <span className="cell-sub">{s.operatorId ?? ''}</span>
                      </td>
                      <td className="cell-muted">{s.formName}</td>
                      <td className="cell-muted">
                        {t('qa.calibration.submittedOf', { done: submitted, total: s.participants.length })}
                        <span className="cell-sub">
                          {s.participants
                            .map((p) =>
                              p.reference ? t('qa.calibration.refMark', { name: p.monitor }) : p.monitor,
                            )
                            .join(', ')}
                        </span>
                      </td>
                      <td>
                        <span className={s.status === 'open' ? 'badge badge-open' : 'badge badge-locked'}>
                          {t(`qa.calibration.status.${s.status}`)}
                        </span>
                      </td>
                      <td className="num">
                        <Link
                          className={
                            s.status === 'open' && me && !me.submitted
                              ? 'button button-primary button-small'
                              : 'button button-secondary button-small'
                          }
                          to={`/calibration/${s.id}`}
                        >
                          {s.status === 'closed'
                            ? t('qa.calibration.results')
                            : me && !me.submitted
                              ? t('qa.calibration.score')
                              : t('qa.worklist.open')}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {lead && (
        <section className="card" aria-labelledby="strictness-title">
          <header className="card-header">
            <div className="card-heading">
              <h2 className="card-title" id="strictness-title">
                {t('qa.strictness.title')}
              </h2>
              <span className="card-meta">{t('qa.strictness.hint')}</span>
            </div>
          </header>
          <div className="card-body">
            {strictness.isError ? (
              <ErrorState compact error={strictness.error} onRetry={() => void strictness.refetch()} />
            ) : !strictness.data ? (
              <Skeleton height={240} />
            ) : strictness.data.monitors.length === 0 ? (
              <p className="cell-muted">{t('qa.strictness.empty')}</p>
            ) : (
              <div className="strictness">
                <Suspense fallback={<Skeleton height={240} />}>
                  <StrictnessChart monitors={strictness.data.monitors} fmt={fmt} />
                </Suspense>
                <table className="data-table compact-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('qa.col.monitor')}</th>
                      <th scope="col" className="num">
                        {t('qa.col.sessions')}
                      </th>
                      <th scope="col" className="num">
                        {t('qa.col.meanDeviation')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {strictness.data.monitors.map((m) => (
                      <tr key={m.monitor}>
                        <td className="cell-name">{m.monitor}</td>
                        <td className="num">{fmt.integer(m.sessions)}</td>
                        <td className="num">
                          <span
                            className={
                              m.meanDeviation < 0
                                ? 'delta-down'
                                : m.meanDeviation > 0
                                  ? 'delta-up'
                                  : undefined
                            }
                          >
                            {signed(fmt, m.meanDeviation)}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </section>
      )}
    </div>
  );
}

function NewSession() {
  const t = useT();
  const navigate = useNavigate();
  const ids = { call: useId(), form: useId(), reference: useId(), note: useId() };
  const forms = useForms();
  const monitors = useMonitors();
  const create = useCreateCalibration();
  const [open, setOpen] = useState(false);
  const [callId, setCallId] = useState('');
  const [formId, setFormId] = useState<number | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const published = (forms.data?.forms ?? []).filter((f) => f.status === 'published');
  const form = formId ?? published[0]?.id ?? null;

  return (
    <section className="card" aria-labelledby="new-session-title">
      <header className="card-header">
        <h2 className="card-title" id="new-session-title">
          {t('qa.calibration.new')}
        </h2>
        {!open && (
          <button type="button" className="button button-primary button-small" onClick={() => setOpen(true)}>
            {t('qa.calibration.open')}
          </button>
        )}
      </header>
      {open && (
        <form
          className="card-body new-session"
          onSubmit={(e) => {
            e.preventDefault();
            if (form === null) return;
            create.mutate(
              {
                callId: callId.trim(),
                formId: form,
                monitors: picked,
                reference: reference || null,
                note: note.trim() || null,
              },
              { onSuccess: (r) => navigate(`/calibration/${r.session.id}`) },
            );
          }}
        >
          <div className="new-session-grid">
            <div className="field">
              <label className="field-label" htmlFor={ids.call}>
                {t('qa.calibration.callId')}
              </label>
              <input
                id={ids.call}
                className="input input-small"
                required
                placeholder={t('qa.calibration.callIdPlaceholder')}
                value={callId}
                onChange={(e) => setCallId(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.form}>
                {t('qa.form')}
              </label>
              <select
                id={ids.form}
                className="select select-small"
                value={form ?? ''}
                onChange={(e) => setFormId(Number(e.target.value))}
              >
                {published.map((f) => (
                  <option key={f.id} value={f.id}>
                    {t('qa.forms.nameVersion', { name: f.name, version: f.version })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.reference}>
                {t('qa.calibration.reference')}
              </label>
              <select
                id={ids.reference}
                className="select select-small"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              >
                <option value="">{t('qa.calibration.noReference')}</option>
                {picked.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.note}>
                {t('qa.calibration.note')}
              </label>
              <input
                id={ids.note}
                className="input input-small"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </div>
          <fieldset className="check-list check-list-row">
            <legend className="field-label">{t('qa.calibration.invite')}</legend>
            {(monitors.data?.monitors ?? []).map((m) => (
              <label key={m.username} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(m.username)}
                  onChange={(e) => {
                    setPicked((p) =>
                      e.target.checked ? [...p, m.username] : p.filter((x) => x !== m.username),
                    );
                    if (!e.target.checked && reference === m.username) setReference('');
                  }}
                />
                <span>{m.displayName || m.username}</span>
              </label>
            ))}
          </fieldset>
          <div className="confirm-buttons">
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={create.isPending || !callId.trim() || picked.length < 2 || form === null}
            >
              {t('qa.calibration.create')}
            </button>
            <button type="button" className="button button-ghost button-small" onClick={() => setOpen(false)}>
              {t('qa.cancel')}
            </button>
          </div>
          {create.error && (
            <p className="form-error sentence" role="alert">
              {errorMessage(create.error, t)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
