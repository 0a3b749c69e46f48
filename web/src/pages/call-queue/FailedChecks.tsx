import { useT } from '../../i18n/index.ts';

/** Failed checks named on a row before the rest are only counted. */
const SHOWN = 3;

/**
 * The AutoQA checks a call failed, as badges (`failed` is the list's space-separated keys): a dash
 * when the call has not been checked, "none" when it failed nothing.
 */
export function FailedChecks({ failed, label }: { failed: string | null; label(key: string): string }) {
  const t = useT();
  if (failed === null) return <span className="cell-muted">—</span>;
  const keys = failed.split(' ').filter(Boolean);
  if (keys.length === 0) return <span className="cell-muted">{t('aq.failed.none')}</span>;
  // A few by name, the rest counted: a row stays one or two lines high.
  const shown = keys.length > SHOWN + 1 ? keys.slice(0, SHOWN) : keys;
  const rest = keys.slice(shown.length);
  return (
    <ul className="check-badges" aria-label={t('aq.col.failedChecks')}>
      {shown.map((k) => (
        <li key={k} className="badge badge-danger badge-small">
          {label(k)}
        </li>
      ))}
      {rest.length > 0 && (
        <li className="badge badge-neutral badge-small" title={rest.map(label).join(', ')}>
          {t('aq.failed.more', { count: rest.length })}
        </li>
      )}
    </ul>
  );
}
