import { createElement, Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DailyQualityPoint } from '../../schemas/dashboard.ts';
import { DEFAULT_PAY_RULE } from '../../schemas/pay-rule.ts';
import { monthLabels } from '../../web/src/components/charts/months.ts';
import { QUALITY_THRESHOLD, withQualityTrend } from '../../web/src/components/charts/rolling.ts';
import { chunk, lazyFrom } from '../../web/src/components/chunk.ts';

describe('month labels of the charts', () => {
  it('names every month by the language’s own short name', () => {
    const months = ['2026-08', '2026-09', '2026-10', '2026-11'];
    const short = (locale: string) =>
      months.map((m) =>
        new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-01`)),
      );
    for (const locale of ['en-GB', 'ru-RU', 'ro-RO'])
      expect(monthLabels(months, locale)).toEqual(short(locale));
    expect(monthLabels(months, 'ru-RU')).toEqual(['авг.', 'сент.', 'окт.', 'нояб.']);
  });

  it('says the year on the first month and on January when the months span years', () => {
    const labels = monthLabels(['2025-11', '2025-12', '2026-01', '2026-02'], 'en-GB');
    expect(labels[0]).toMatch(/Nov.*2025/);
    expect(labels[1]).toBe('Dec');
    expect(labels[2]).toMatch(/Jan.*2026/);
    expect(labels[3]).toBe('Feb');
  });
});

const Loaded = () => createElement('p', null, 'the chart');

const day = (date: string, quality: number | null, evaluations: number): DailyQualityPoint => ({
  date,
  calls: 100,
  handled: 95,
  abandoned: 5,
  quality,
  evaluations,
});

describe('the quality chart', () => {
  it('draws as a shortfall the bands below the default pay rule’s threshold', () => {
    expect(QUALITY_THRESHOLD).toBe(DEFAULT_PAY_RULE.quality.threshold);
  });
});

describe('the daily quality line', () => {
  it('is the mean of the window’s evaluations, each counted once, from the minimum on', () => {
    const days = [
      day('2026-10-01', 90, 2),
      day('2026-10-02', 60, 2),
      day('2026-10-03', null, 0),
      day('2026-10-04', 100, 1),
      day('2026-10-05', 43, 1),
    ];
    const line = withQualityTrend(days, { days: 3, minEvaluations: 3 });
    // 2 evaluations on the first day, fewer than the minimum: a gap, not a 90.
    // Day 4: (2 × 60 + 100) / 3; day 5: two evaluations in its window, a gap.
    expect(line.map((d) => d.qualityTrend)).toEqual([null, 75, 75, 220 / 3, null]);
    expect(line.map((d) => d.trendEvaluations)).toEqual([2, 4, 4, 3, 2]);
    // A day's own figures stay as they were.
    expect(line[4]).toMatchObject({ date: '2026-10-05', quality: 43, evaluations: 1 });
  });

  it('leaves a gap where the window holds too few evaluations, rather than joining far points', () => {
    const days = [
      day('2026-10-01', 80, 6),
      ...['02', '03', '04', '05', '06', '07', '08', '09'].map((d) => day(`2026-10-${d}`, null, 0)),
      day('2026-10-10', 50, 6),
    ];
    const line = withQualityTrend(days).map((d) => d.qualityTrend);
    expect(line.slice(0, 7)).toEqual(Array(7).fill(80));
    expect(line.slice(7, 9)).toEqual([null, null]);
    expect(line[9]).toBe(50);
  });
});

describe('a chunk of code loaded ahead', () => {
  it('is asked for once, and is at hand synchronously once loaded', async () => {
    let loads = 0;
    const c = chunk(async () => {
      loads++;
      return { answer: 42 };
    });
    expect(c.current).toBeUndefined();
    await Promise.all([c.load(), c.load()]);
    expect(loads).toBe(1);
    expect(c.current).toEqual({ answer: 42 });
  });

  it('may be asked for again after a failed download', async () => {
    let fail = true;
    const c = chunk(async () => {
      if (fail) throw new Error('offline');
      return 'code';
    });
    await expect(c.load()).rejects.toThrow('offline');
    fail = false;
    await expect(c.load()).resolves.toBe('code');
  });

  it('is drawn at once by React.lazy when loaded, without the Suspense fallback', async () => {
    const c = chunk(async () => ({ Loaded }));
    const Lazy = lazyFrom(c, (m) => m.Loaded);
    const page = (C: typeof Lazy) =>
      renderToStaticMarkup(createElement(Suspense, { fallback: 'waiting' }, createElement(C)));
    // Not loaded: React waits for it behind the fallback.
    expect(page(Lazy)).toBe('waiting');
    await c.load();
    expect(page(lazyFrom(c, (m) => m.Loaded))).toBe('<p>the chart</p>');
  });
});
