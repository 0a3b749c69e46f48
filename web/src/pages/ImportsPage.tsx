import { useState } from 'react';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { ImportLog } from './imports/ImportLog.tsx';
import { JobCard } from './imports/JobCard.tsx';
import { UploadForm } from './imports/UploadForm.tsx';

/** Administrators' imports: send a file, follow its job to the report, read the import log. */
export default function ImportsPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('imports.title'));
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <div className="page">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <UploadForm onQueued={setJobId} />
      {jobId && <JobCard key={jobId} jobId={jobId} fmt={fmt} />}
      <ImportLog fmt={fmt} />
    </div>
  );
}
