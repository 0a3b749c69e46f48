import { useState } from 'react';
import { useCan } from '../auth/access.tsx';
import { AutoqaJobBar } from '../components/AutoqaJobBar.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { ImportLog } from './imports/ImportLog.tsx';
import { JobCard } from './imports/JobCard.tsx';
import { MappingPanel } from './imports/MappingPanel.tsx';
import { UploadForm } from './imports/UploadForm.tsx';

/** Administrators' imports: send files, follow their jobs to the reports, read the import log. */
export default function ImportsPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('imports.title'));
  // The jobs sent from this page, newest first: several transcript files make several jobs.
  const [jobIds, setJobIds] = useState<string[]>([]);
  const mayFollowAutoqa = useCan('autoqa.job.read');
  return (
    <div className="page">
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      {/* A transcripts or products import sets AutoQA re-checking: its progress shows here too. */}
      {mayFollowAutoqa && <AutoqaJobBar />}
      <UploadForm onQueued={(id) => setJobIds((ids) => [id, ...ids].slice(0, 20))} />
      <MappingPanel onQueued={(id) => setJobIds((ids) => [id, ...ids].slice(0, 20))} />
      {jobIds.map((id) => (
        <JobCard key={id} jobId={id} fmt={fmt} />
      ))}
      <ImportLog fmt={fmt} />
    </div>
  );
}
