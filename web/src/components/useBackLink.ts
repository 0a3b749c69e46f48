import { useLocation } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { useT } from '../i18n/index.ts';
import { homeOf, mayOpenPath, pageAt, titleOf } from '../routes.ts';
import { originOf } from './origin.ts';

/**
 * The link back above a page's title: to the page the user came from; else to `fallback`, the
 * page this one usually opens from, when his role may open it; else to his start page.
 */
export function useBackLink(fallback?: string): { to: string; label: string } {
  const t = useT();
  const { user } = useSession();
  const location = useLocation();
  const here = location.pathname;
  const candidates = [originOf(location.key), fallback, homeOf(user)];
  const to =
    candidates.find(
      (c): c is string =>
        c !== undefined && pathOf(c) !== here && pageAt(pathOf(c)) !== null && mayOpenPath(user, pathOf(c)),
    ) ?? homeOf(user);
  const page = pageAt(pathOf(to));
  return { to, label: t('back.to', { page: page ? t(titleOf(page, user)) : '' }) };
}

const pathOf = (href: string) => href.split(/[?#]/)[0] ?? href;
