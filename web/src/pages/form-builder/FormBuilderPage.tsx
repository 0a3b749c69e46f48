import { useParams } from 'react-router';
import { useForm } from '../../api/qa.ts';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useT } from '../../i18n/index.ts';
import { Builder } from './Builder.tsx';

/** Form builder (QA lead): sections and questions, with a live preview that scores as you answer. */
export default function FormBuilderPage() {
  const t = useT();
  const { id } = useParams();
  const formId = id ? Number(id) : null;
  const existing = useForm(formId);
  useDocumentTitle(formId ? t('qa.builder.editTitle') : t('qa.builder.newTitle'));

  if (formId !== null && existing.isError)
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.builder.editTitle')}</h1>
        <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
      </div>
    );
  if (formId !== null && !existing.data)
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="page">
          <Skeleton width={260} height={28} />
          <Skeleton height={480} />
        </div>
      </LoadingRegion>
    );
  return <Builder key={formId ?? 'new'} form={existing.data?.form ?? null} />;
}
