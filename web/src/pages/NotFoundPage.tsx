import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';

export default function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} />
      <div className="card">
        <EmptyState title={t('notFound.body')}>
          <Link to="/">{t('notFound.back')}</Link>
        </EmptyState>
      </div>
    </div>
  );
}
