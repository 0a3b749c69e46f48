import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { pageSpan } from './queue-params.ts';

/** Which calls of how many are shown, and the previous and next page. */
export function Pager({
  page,
  total,
  onPage,
  fmt,
}: {
  page: number;
  total: number;
  onPage(page: number): void;
  fmt: Formatters;
}) {
  const t = useT();
  const span = pageSpan(page, total);
  return (
    <nav className="pager" aria-label={t('qa.pager.label')}>
      <span className="cell-muted">
        {t('qa.pager.range', {
          from: fmt.integer(span.from),
          to: fmt.integer(span.to),
          total: fmt.integer(total),
        })}
      </span>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('qa.pager.previous')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={page >= span.pages}
        onClick={() => onPage(page + 1)}
      >
        {t('qa.pager.next')}
      </button>
    </nav>
  );
}
