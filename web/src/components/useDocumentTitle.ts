import { useEffect } from 'react';
import { t } from '../i18n/index.ts';

export function useDocumentTitle(page: string) {
  useEffect(() => {
    document.title = `${page} · ${t('app.name')}`;
  }, [page]);
}
