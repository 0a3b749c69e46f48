import { useT } from '../../i18n/index.ts';

/**
 * The AutoQA checks a call failed, as badges (`failed` is the list's space-separated keys): a dash
 * when the call has not been checked, "none" when it failed nothing.
 */
export function FailedChecks({ failed, label }: { failed: string | null; label(key: string): string }) {
  const t = useT();
  if (failed === null) return <span className="cell-muted">—</span>;
  const keys = failed.split(' ').filter(Boolean);
  if (keys.length === 0) return <span className="cell-muted">{t('aq.failed.none')}</span>;
  return (
    <ul className="check-badges" aria-label={t('aq.col.failedChecks')}>
      {keys.map((k) => (
        <li key={k} className="badge badge-danger badge-small">
          {label(k)}
        </li>
      ))}
    </ul>
  );
}
