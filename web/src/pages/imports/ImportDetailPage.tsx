import { Link, useParams } from 'react-router';
import { importReport } from '../../../../schemas/import-report.ts';
import { useImportDetail } from '../../api/hooks.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { QuarantineTable } from './QuarantineTable.tsx';
import { ReportFigures } from './ReportFigures.tsx';

/** One import: its report and every quarantined row the log keeps (the first thousand shown). */
export default function ImportDetailPage() {
  const t = useT();
  const fmt = useFormat();
  const id = Number(useParams().id);
  useDocumentTitle(t('imports.detail.title', { id }));
  const query = useImportDetail(id);
  const data = query.data;
  const report = data ? importReport.safeParse(data.report) : null;

  let body: React.ReactNode;
  if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (!data)
    body = (
      <LoadingRegion label={t('app.loading')}>
        <Skeleton width="100%" height={160} />
      </LoadingRegion>
    );
  else
    body = (
      <>
        <section className="card">
          <header className="card-header">
            <h2 className="card-title">{report?.success ? report.data.file : data.status}</h2>
          </header>
          <div className="card-body">
            {report?.success ? (
              <ReportFigures report={report.data} fmt={fmt} />
            ) : (
              <p className="form-error">
                {t('imports.job.failed', {
                  error: data.report && 'error' in data.report ? data.report.error : data.status,
                })}
              </p>
            )}
          </div>
        </section>
        <section className="card" aria-labelledby="quarantine-title">
          <header className="card-header">
            <h2 className="card-title" id="quarantine-title">
              {t('imports.detail.quarantine')}
            </h2>
            {data.quarantine.length >= 1000 && (
              <span className="card-meta">{t('imports.detail.shown', { count: fmt.integer(1000) })}</span>
            )}
          </header>
          {data.quarantine.length ? (
            <QuarantineTable rows={data.quarantine} />
          ) : (
            <EmptyState title={t('imports.detail.noQuarantine')} />
          )}
        </section>
      </>
    );

  return (
    <div className="page">
      <PageHeader
        title={t('imports.detail.title', { id })}
        subtitle={<Link to="/imports">{t('imports.detail.back')}</Link>}
      />
      {body}
    </div>
  );
}
