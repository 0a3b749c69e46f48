const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(locale: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withYear}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    formats.set(key, f);
  }
  return f;
}

/**
 * Axis labels of months (`2026-09`), in the language's own short month names (Intl, `month:
 * 'short'`: Sept, сент., sept.), the same on every chart. Months of one year are named alone;
 * when they span years, the first month and each January also say the year.
 */
export function monthLabels(months: readonly string[], locale: string): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)));
  return months.map((m, i) => {
    const withYear = years.size > 1 && (i === 0 || m.slice(5, 7) === '01');
    return formatOf(locale, withYear).format(new Date(`${m}-01T00:00:00Z`));
  });
}
