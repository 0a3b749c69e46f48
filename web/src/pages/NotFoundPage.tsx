import { Link } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';
import { homeOf, pageAt, titleOf } from '../routes.ts';

export default function NotFoundPage() {
  const t = useT();
  const { user } = useSession();
  useDocumentTitle(t('notFound.title'));
  const home = homeOf(user);
  const page = pageAt(home);
  return (
    <div className="page">
      <PageHeader title={t('notFound.title')} />
      <div className="card">
        <EmptyState title={t('notFound.body')}>
          <Link to={home}>{t('notAvailable.home', { page: page ? t(titleOf(page, user)) : home })}</Link>
        </EmptyState>
      </div>
    </div>
  );
}
