import { describe, expect, it } from 'vitest';
import { UNITS } from '../../schemas/criteria.ts';
import type { RankingEntry } from '../../schemas/scorecard.ts';
import { makeFormatters } from '../../web/src/format.ts';
import { translator } from '../../web/src/i18n/index.ts';
import { formatChange, formatMaybe, formatValue, shownChange } from '../../web/src/metric-format.ts';
import { METRIC_LIST } from '../../web/src/metrics.ts';
import { formatCell, RANKING_COLUMNS } from '../../web/src/pages/dashboard/ranking.ts';
import { TILES } from '../../web/src/pages/dashboard/tiles.ts';

const f = makeFormatters('en-GB', 'EUR');
const t = translator('en');

describe('one formatter for every metric value, by the unit of its declaration', () => {
  it('writes each unit one way in a cell', () => {
    expect(formatValue(12345, 'count', f)).toBe('12,345');
    expect(formatValue(0.12345, 'ratio', f)).toBe('12.3%');
    expect(formatValue(87.456, 'score', f)).toBe('87.5');
    expect(formatValue(185, 'seconds', f)).toBe('3:05');
    expect(formatValue(3725, 'seconds', f)).toBe('1:02:05');
    expect(formatValue(0.98765, 'coefficient', f)).toBe('0.9877');
    expect(formatValue(123456, 'money', f)).toBe('€1,234.56');
  });

  it('shortens money in a figure and writes whole units on an axis', () => {
    expect(formatValue(123456, 'money', f, 'figure')).toBe('€1,235');
    expect(formatValue(0.12345, 'ratio', f, 'figure')).toBe('12.3%');
    expect(formatValue(0.5, 'ratio', f, 'axis')).toBe('50%');
    expect(formatValue(80, 'score', f, 'axis')).toBe('80');
    expect(formatValue(0.75, 'coefficient', f, 'axis')).toBe('0.75');
  });

  it('says what a missing value means', () => {
    expect(formatMaybe(null, 'score', f, t)).toBe(t('kpi.none'));
    expect(formatMaybe(null, 'score', f, t, 'flag.not-evaluated')).toBe(t('flag.not-evaluated'));
    expect(formatMaybe(91, 'score', f, t, 'flag.not-evaluated')).toBe('91.0');
  });

  it('writes the same text for a metric on its tile and in its ranking column', () => {
    const entry = { name: 'Ana', teamName: 'Care' } as RankingEntry;
    const samples = { count: 42, ratio: 0.0456, score: 88.25, seconds: 245 } as const;
    const tiled = METRIC_LIST.filter((m) => m.tile && m.source !== 'queue');
    expect(tiled.length).toBeGreaterThan(5);
    for (const m of tiled) {
      const tile = TILES.find((x) => x.id === (m.tile?.id ?? m.key));
      const column = RANKING_COLUMNS.find((c) => c.key === m.key);
      expect(tile?.format, m.key).toBe(m.unit);
      expect(column?.format, m.key).toBe(m.unit);
      const v = samples[m.unit];
      expect(formatCell(v, m.unit, f, t), m.key).toBe(formatValue(v, tile?.format ?? 'count', f, 'figure'));
    }
    expect(formatCell('Ana', 'text', f, t)).toBe(entry.name);
    expect(formatCell(null, 'ratio', f, t)).toBe(t('kpi.none'));
  });

  it('has a format for every unit a metric may declare', () => {
    for (const unit of UNITS) expect(formatValue(1, unit, f)).not.toBe('');
  });
});

describe('a change from the previous period', () => {
  it('is rounded to the step its format prints, so an unprintable change is none', () => {
    expect(shownChange(0.0004, 'ratio')).toBe(0);
    expect(shownChange(0.0016, 'ratio')).toBeCloseTo(0.002, 10);
    expect(shownChange(-0.04, 'score')).toBe(0);
    expect(shownChange(-0.26, 'score')).toBeCloseTo(-0.3, 10);
    expect(shownChange(0.4, 'seconds')).toBe(0);
    expect(shownChange(49, 'money')).toBe(0);
    expect(shownChange(0.00004, 'coefficient')).toBe(0);
  });

  it('is written in the figure’s unit, percentage points for ratios and scores', () => {
    expect(formatChange(0.012, 'ratio', f, t)).toBe(t('tile.change.points', { sign: '+', value: '1.2' }));
    expect(formatChange(-2.5, 'score', f, t)).toBe(t('tile.change.points', { sign: '−', value: '2.5' }));
    expect(formatChange(-65, 'seconds', f, t)).toBe('−1:05');
    expect(formatChange(3, 'count', f, t)).toBe('+3');
    expect(formatChange(0, 'count', f, t)).toBe('±0');
    expect(formatChange(-250000, 'money', f, t)).toBe('−€2,500');
  });
});
