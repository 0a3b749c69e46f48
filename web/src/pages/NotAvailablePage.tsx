import { Link } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { EmptyState } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';
import { homeOf, pageAt, titleOf } from '../routes.ts';

/** A page the signed-in user's role may not open: said once, with the way to his own start page. */
export default function NotAvailablePage() {
  const t = useT();
  const { user } = useSession();
  useDocumentTitle(t('notAvailable.title'));
  const home = homeOf(user);
  const page = pageAt(home);
  return (
    <div className="page" data-not-available="">
      <PageHeader title={t('notAvailable.title')} />
      <div className="card">
        <EmptyState title={t('notAvailable.body', { role: t(`role.${user.role}`) })}>
          <Link to={home}>{t('notAvailable.home', { page: page ? t(titleOf(page, user)) : home })}</Link>
        </EmptyState>
      </div>
    </div>
  );
}
