import { useId } from 'react';
import { PeriodSelect } from '../../components/PeriodSelect.tsx';
import { defaultMonth, useCompanyTimeZone } from '../../components/usePeriodParam.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import type { DashboardFilters } from './useDashboardFilters.ts';

const CUSTOM = 'custom';
const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * A month, or a custom range of days (shown with its last day included; the URL keeps the API's
 * exclusive end), and whether to compare with the period before.
 */
export function PeriodPicker({
  months,
  filters,
  fmt,
}: {
  months: readonly string[];
  filters: DashboardFilters;
  fmt: Formatters;
}) {
  const t = useT();
  const fromId = useId();
  const toId = useId();
  const compareId = useId();
  const range = filters.range;
  const timeZone = useCompanyTimeZone();

  const onPeriod = (v: string) => {
    if (v === CUSTOM) {
      const month =
        filters.period ??
        (timeZone && defaultMonth(months, timeZone)) ??
        new Date().toISOString().slice(0, 7);
      const from = `${month}-01`;
      const to = shift(from, 14);
      filters.update({ period: null, from, to });
    } else filters.update({ period: v, from: null, to: null });
  };

  return (
    <>
      <PeriodSelect
        label={t('dashboard.period')}
        period={range ? CUSTOM : filters.period}
        periods={months}
        onChange={onPeriod}
        fmt={fmt}
      >
        <option value={CUSTOM}>{t('dashboard.customRange')}</option>
      </PeriodSelect>
      {range && (
        <div className="field field-inline">
          <label className="visually-hidden" htmlFor={fromId}>
            {t('dashboard.from')}
          </label>
          <input
            id={fromId}
            type="date"
            className="input input-small input-date"
            value={range.from}
            max={shift(range.to, -1)}
            onChange={(e) => e.target.value && filters.update({ from: e.target.value }, { replace: true })}
          />
          <span aria-hidden="true">–</span>
          <label className="visually-hidden" htmlFor={toId}>
            {t('dashboard.toInclusive')}
          </label>
          <input
            id={toId}
            type="date"
            className="input input-small input-date"
            value={shift(range.to, -1)}
            min={range.from}
            onChange={(e) =>
              e.target.value && filters.update({ to: shift(e.target.value, 1) }, { replace: true })
            }
          />
        </div>
      )}
      <label className="checkbox" htmlFor={compareId}>
        <input
          id={compareId}
          type="checkbox"
          checked={filters.compare}
          onChange={(e) => filters.update({ compare: e.target.checked ? null : '0' }, { replace: true })}
        />
        {t('dashboard.compare')}
      </label>
    </>
  );
}
