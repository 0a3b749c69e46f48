import { Link } from 'react-router';
import { EmptyState } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';

export default function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">{t('notFound.title')}</h1>
      </div>
      <div className="card">
        <EmptyState title={t('notFound.body')}>
          <Link to="/">{t('notFound.back')}</Link>
        </EmptyState>
      </div>
    </div>
  );
}
