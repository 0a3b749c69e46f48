import { useId } from 'react';
import { Link } from 'react-router';
import { useImportJob } from '../../api/hooks.ts';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useT } from '../../i18n/index.ts';
import { QuarantineTable } from './QuarantineTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';

const PHASES = ['checksum', 'reading', 'checking', 'loading', 'logging'] as const;
const isPhase = (p: string): p is (typeof PHASES)[number] => (PHASES as readonly string[]).includes(p);

/** An upload's job: its progress while it waits or runs, then its report. */
export function JobCard({ jobId, fmt }: { jobId: string; fmt: Formatters }) {
  const t = useT();
  const query = useImportJob(jobId);
  const job = query.data?.job;
  const titleId = useId();

  let body: React.ReactNode;
  if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!job)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton width="100%" height={40} />
      </LoadingRegion>
    );
  else if (job.state === 'failed')
    body = (
      <p className="form-error" role="alert">
        {t('imports.job.failed', { error: job.error ?? '' })}
      </p>
    );
  else if (job.state === 'done' && job.report) {
    const report = job.report;
    body = (
      <div className="job-report" data-testid="import-report">
        {report.status === 'already_imported' ? (
          <p>{t('imports.job.already')}</p>
        ) : (
          <ReportFigures report={report} fmt={fmt} />
        )}
        {report.quarantine.length > 0 && <QuarantineTable rows={report.quarantine} />}
        {report.importId !== null && report.quarantined > 0 && (
          <Link to={`/imports/${report.importId}`}>{t('imports.report.details')}</Link>
        )}
      </div>
    );
  } else {
    const phase = job.progress && isPhase(job.progress.phase) ? job.progress.phase : null;
    const fraction = job.progress?.fraction ?? null;
    const label = phase
      ? t(`imports.job.phase.${phase}` as MessageKey)
      : job.state === 'queued'
        ? t('imports.job.queued')
        : t('imports.job.running');
    body = (
      <div className="job-progress">
        <p aria-live="polite">
          {label}
          {fraction !== null && ` ${fmt.percent(fraction, 0)}`}
        </p>
        <progress max={1} value={fraction ?? undefined} aria-label={label} />
      </div>
    );
  }

  return (
    <section className="card" aria-labelledby={titleId}>
      <header className="card-header">
        <h2 className="card-title" id={titleId}>
          {t('imports.job.title', { file: job?.fileName ?? '…' })}
        </h2>
        {job?.source && (
          <span className="card-meta" data-testid="job-source">
            {t('imports.source')}: {job.source}
          </span>
        )}
      </header>
      <div className="card-body">{body}</div>
    </section>
  );
}
