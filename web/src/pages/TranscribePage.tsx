import { useState } from 'react';
import {
  TRANSCRIBE_LANGUAGES,
  type TranscribeJobView,
  type TranscribeLanguageCode,
  WEB_TRANSCRIBE_ENGINES,
} from '../../../schemas/transcribe.ts';
import { usePeriods } from '../api/hooks.ts';
import { useCompanySettings } from '../api/settings.ts';
import {
  useCancelTranscribe,
  useStartTranscribe,
  useTranscribeFailures,
  useTranscribeJob,
} from '../api/transcribe.ts';
import { useClock } from '../clock.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState, ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { type Formatters, useFormat } from '../format.ts';
import { type Translate, useT } from '../i18n/index.ts';
import './transcribe.css';

type Engine = (typeof WEB_TRANSCRIBE_ENGINES)[number];

/** The job's line: what runs and how far, or how the last run ended. */
function JobStatus({ job, t, fmt }: { job: TranscribeJobView; t: Translate; fmt: Formatters }) {
  const month = job.period ? fmt.period(job.period) : '';
  const figures = {
    month,
    engine: job.engine ?? '',
    done: fmt.integer(job.done),
    total: fmt.integer(job.total),
    failed: fmt.integer(job.failed),
  };
  if (job.state === 'idle') {
    if (!job.outcome) return <p className="card-meta">{t('tr.job.idle')}</p>;
    if (job.outcome === 'failed')
      return (
        <p className="form-error sentence">
          {t('tr.job.last.failed', { ...figures, error: job.error ?? '' })}
        </p>
      );
    return (
      <p data-testid="transcribe-last">
        {t(job.outcome === 'done' ? 'tr.job.last.done' : 'tr.job.last.cancelled', figures)}
        {job.rtf != null && <> {t('tr.job.rtf', { rtf: fmt.decimal(job.rtf, 2) })}.</>}
      </p>
    );
  }
  const line =
    job.state === 'cancelling'
      ? t('tr.job.cancelling', figures)
      : job.total === 0
        ? t('tr.job.looking', figures)
        : t('tr.job.running', figures);
  return (
    <div className="job-progress" data-testid="transcribe-progress">
      <span>{line}</span>
      <progress
        max={Math.max(job.total, 1)}
        value={job.done + job.failed}
        aria-label={t('tr.job.progress')}
      />
      {job.failed > 0 && <span className="card-meta">{t('tr.job.failed', { count: job.failed })}</span>}
      {job.rtf != null && (
        <span className="card-meta" title={t('tr.job.rtfHelp')}>
          {t('tr.job.rtf', { rtf: fmt.decimal(job.rtf, 2) })}
        </span>
      )}
      {job.etaS != null && job.total > job.done + job.failed && (
        <span className="card-meta">{t('tr.job.eta', { time: fmt.duration(job.etaS) })}</span>
      )}
      {job.imported > 0 && <span className="card-meta">{t('tr.job.imported', { count: job.imported })}</span>}
    </div>
  );
}

/**
 * Speech to text for administrators: start a month's run with an engine, model and language (the
 * settings' by default), follow it (calls done of all, real-time factor, time left), cancel it,
 * and read the month's failures with their reasons and retry them.
 */
export default function TranscribePage() {
  const t = useT();
  const fmt = useFormat();
  const clock = useClock();
  useDocumentTitle(t('nav.transcribe'));
  const periods = usePeriods().data?.periods ?? [];
  const settings = useCompanySettings().data?.settings;
  const jobQuery = useTranscribeJob();
  const job = jobQuery.data?.job;
  const running = job != null && job.state !== 'idle';
  const start = useStartTranscribe();
  const cancel = useCancelTranscribe();

  const [month, setMonth] = useState('');
  const [engine, setEngine] = useState<Engine | ''>('');
  const [model, setModel] = useState('');
  const [language, setLanguage] = useState<TranscribeLanguageCode | ''>('');
  const [workers, setWorkers] = useState('1');
  const period = month || periods[0] || '';
  const failures = useTranscribeFailures(period, running, job?.finishedAt ?? null);

  const request = (onlyFailed: boolean) => ({
    period,
    ...(engine ? { engine } : {}),
    ...(model.trim() ? { model: model.trim() } : {}),
    ...(language ? { language } : {}),
    workers: Math.max(1, Math.min(8, Number(workers) || 1)),
    ...(onlyFailed ? { onlyFailed: true } : {}),
  });
  const rows = failures.data?.failures ?? [];

  return (
    <div className="page">
      <PageHeader title={t('nav.transcribe')} subtitle={t('tr.subtitle')} />
      <section className="card" aria-labelledby="transcribe-start">
        <header className="card-header">
          <h2 className="card-title" id="transcribe-start">
            {t('tr.start.title')}
          </h2>
        </header>
        <form
          className="card-body upload-form transcribe-form"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate(request(false));
          }}
        >
          <Field label={t('tr.start.month')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={period}
                onChange={(e) => setMonth(e.target.value)}
              >
                {periods.map((p) => (
                  <option key={p} value={p}>
                    {fmt.period(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('tr.start.engine')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={engine || settings?.transcribeEngine || ''}
                onChange={(e) => setEngine(e.target.value as Engine)}
              >
                {WEB_TRANSCRIBE_ENGINES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('tr.start.model')}
            hint={t('tr.start.modelHint', { model: settings?.transcribeModel || t('tr.start.modelNone') })}
          >
            {(control) => (
              <input
                {...control}
                className="input"
                value={model}
                placeholder={settings?.transcribeModel ?? ''}
                onChange={(e) => setModel(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('tr.start.language')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={language || settings?.transcribeLanguage || 'auto'}
                onChange={(e) => setLanguage(e.target.value as TranscribeLanguageCode)}
              >
                {TRANSCRIBE_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`tr.language.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('tr.start.workers')} hint={t('tr.start.workersHint')}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="number"
                min={1}
                max={8}
                value={workers}
                onChange={(e) => setWorkers(e.target.value)}
              />
            )}
          </Field>
          <div className="upload-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={running || start.isPending || !period}
            >
              {start.isPending ? t('tr.start.starting') : t('tr.start.submit')}
            </button>
            <FormFeedback error={start.error} />
          </div>
        </form>
      </section>

      <section className="card" aria-labelledby="transcribe-job">
        <header className="card-header">
          <h2 className="card-title" id="transcribe-job">
            {t('tr.job.title')}
          </h2>
        </header>
        <div className="card-body" role="status">
          {jobQuery.isError ? (
            <ErrorState error={jobQuery.error} onRetry={() => void jobQuery.refetch()} />
          ) : !job ? (
            <Skeleton height={40} />
          ) : (
            <JobStatus job={job} t={t} fmt={fmt} />
          )}
          {job?.state === 'running' && (
            <button
              type="button"
              className="button"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('tr.job.cancel')}
            </button>
          )}
          <FormFeedback error={cancel.error} />
        </div>
      </section>

      {period && (
        <section className="card" aria-labelledby="transcribe-failures">
          <header className="card-header">
            <h2 className="card-title" id="transcribe-failures">
              {t('tr.failures.title', { month: fmt.period(period) })}
            </h2>
          </header>
          <div className="card-body">
            {failures.isError ? (
              <ErrorState error={failures.error} onRetry={() => void failures.refetch()} />
            ) : !failures.data ? (
              <Skeleton height={80} />
            ) : rows.length === 0 ? (
              <EmptyState title={t('tr.failures.empty')} />
            ) : (
              <>
                <div className="table-scroll">
                  <table className="data-table" data-testid="transcribe-failures">
                    <thead>
                      <tr>
                        <th>{t('tr.col.call')}</th>
                        <th>{t('tr.col.date')}</th>
                        <th>{t('tr.col.recording')}</th>
                        <th>{t('tr.col.engine')}</th>
                        <th>{t('tr.col.reason')}</th>
                        <th>{clock.withZone(t('tr.col.when'))}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((f) => (
                        <tr key={f.callId}>
                          <td>{f.callId}</td>
                          <td>{f.date ? fmt.dayShort(f.date) : '—'}</td>
                          <td>{f.recording ?? '—'}</td>
                          <td>{f.engine}</td>
                          <td className="cell-wrap">{f.reason}</td>
                          <td>{clock.dateTime(f.failedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="upload-actions">
                  <button
                    type="button"
                    className="button"
                    disabled={running || start.isPending}
                    onClick={() => start.mutate(request(true))}
                  >
                    {t('tr.failures.retry')}
                  </button>
                  <span className="card-meta">{t('tr.failures.retryHint')}</span>
                </div>
              </>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
