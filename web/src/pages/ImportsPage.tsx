import { useState } from 'react';
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
      <div className="page-header">
        <div>
          <h1 className="page-title">{t('imports.title')}</h1>
          <p className="page-subtitle">{t('imports.subtitle')}</p>
        </div>
      </div>
      <UploadForm onQueued={setJobId} />
      {jobId && <JobCard key={jobId} jobId={jobId} fmt={fmt} />}
      <ImportLog fmt={fmt} />
    </div>
  );
}
