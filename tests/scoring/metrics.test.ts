import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEDUCTION_KEYS, METRICS, type MetricDef } from '../../schemas/criteria.ts';
import type { SummaryResponse } from '../../schemas/dashboard.ts';
import { metricDef } from '../../schemas/metric-def.ts';
import type { ScorecardRow, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { scoreTable } from '../../server/cli/commands/score.ts';
import { aggregate, NO_QUEUE_KPIS, rollUp } from '../../server/dashboard/aggregate.ts';
import { rankingNumberColumns, rankingRows } from '../../server/scorecards/ranking.ts';
import { en } from '../../web/src/i18n/en.ts';
import { CATALOGUES, LANGUAGES, type Translate } from '../../web/src/i18n/index.ts';
import { RANKING_COLUMNS, rankingColumns, rankingCsv } from '../../web/src/pages/dashboard/ranking.ts';
import { TILES, tilesOf } from '../../web/src/pages/dashboard/tiles.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { expectedScorecards, loadGolden } from './golden.ts';

const LIST: readonly MetricDef[] = METRICS;
const keysOf = (source: MetricDef['source'][]) =>
  LIST.filter((m) => source.includes(m.source)).map((m) => m.key);
/** What a scorecard carries besides its metrics: who, when, and the pay. */
const SCORECARD_PAY = [
  'deductions',
  'coefficient',
  'currency',
  'variableBase',
  'payout',
  'adjustment',
  'flags',
];
const identity = ((key: string) => key) as Translate;

describe('the metric list', () => {
  it('passes its schema, with unique keys and references to metrics it has', () => {
    for (const m of LIST) expect(() => metricDef.parse(m), m.key).not.toThrow();
    const keys = LIST.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    const known = new Set([...keys, 'evaluations', 'autoEvaluations', 'transcribedCalls']);
    for (const m of LIST) {
      const r = m.rollup;
      const refs = [
        m.rankBy,
        m.cli?.with,
        r.kind === 'weightedMean' ? r.by : undefined,
        ...(r.kind === 'ratioOfSums' ? [r.numerator, r.denominator] : []),
      ].filter((k) => k !== undefined);
      for (const ref of refs) expect(known.has(ref), `${m.key} names ${ref}`).toBe(true);
      // A derived metric is computed for one operator as its ratio.
      if (m.source === 'derived') expect(r.kind).toBe('ratioOfSums');
    }
  });

  it('has one metric showing each deduction of the pay rule', () => {
    for (const d of DEDUCTION_KEYS)
      expect(
        LIST.filter((m) => m.carriesDeduction && m.deduction === d).map((m) => m.key),
        d,
      ).toHaveLength(1);
  });

  it('names messages every catalogue has', () => {
    const messages = LIST.flatMap((m) => [m.label, m.short, m.whenNull, m.tile?.label]).filter(
      (k): k is string => typeof k === 'string',
    );
    for (const language of LANGUAGES)
      expect(
        messages.filter((k) => !Object.hasOwn(CATALOGUES[language].messages, k)),
        language,
      ).toEqual([]);
  });
});

describe('the list, the scoring output and the web columns', () => {
  let env: TestEnv;
  let head: string;
  beforeAll(async () => {
    env = await testEnv();
    await loadGolden(env);
    head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
  });
  afterAll(() => env.dispose());
  const get = async <T>(url: string) => {
    const res = await env.app.request(url, { headers: { cookie: head } });
    expect(res.status, url).toBe(200);
    return (await res.json()) as T;
  };

  it('agree: a scorecard has exactly the scorecard metrics, in the list’s order', async () => {
    const body = await get<ScorecardsResponse>('/api/scorecards?period=2026-10');
    const expected = ['operatorId', 'period', ...keysOf(['scorecard']), ...SCORECARD_PAY];
    for (const r of body.operators) expect(Object.keys(r.scorecard)).toEqual(expected);
    // The golden case, computed by hand, has the same keys.
    for (const s of expectedScorecards('2026-10')) expect(Object.keys(s)).toEqual(expected);
  });

  it('agree: the ranking’s JSON, Arrow columns and web columns are the list’s', async () => {
    const ranking = await get<{ operators: Record<string, unknown>[] }>('/api/ranking?period=2026-10');
    const columns = rankingNumberColumns();
    expect(columns).toEqual([
      ...keysOf(['scorecard', 'row']),
      'coefficient',
      'variableBase',
      'payout',
      'adjustment',
      ...DEDUCTION_KEYS.map((d) => `deduction_${d}`),
    ]);
    for (const row of ranking.operators) for (const c of columns) expect(Object.hasOwn(row, c), c).toBe(true);
    expect(RANKING_COLUMNS.map((c) => c.key)).toEqual([
      'name',
      'teamName',
      ...keysOf(['scorecard', 'row', 'derived']),
      'coefficient',
      'adjustment',
    ]);
    // Every tile opens a column of the ranking.
    const sortable = new Set<string>(RANKING_COLUMNS.map((c) => c.key));
    for (const tile of TILES) expect(sortable.has(tile.sortKey), tile.id).toBe(true);
  });

  it('agree: the dashboard’s aggregate has every metric of the list', async () => {
    const summary = await get<SummaryResponse>('/api/dashboard/summary?period=2026-10');
    for (const m of LIST) expect(Object.hasOwn(summary.aggregate, m.key), m.key).toBe(true);
    for (const tile of TILES) expect(tile.value(summary.aggregate) === undefined, tile.id).toBe(false);
  });

  describe('a criterion added to a copy of the list', () => {
    const added: MetricDef = {
      key: 'repeatCalls',
      kind: 'criterion',
      source: 'scorecard',
      label: 'criterion.repeatCalls',
      short: 'ranking.col.repeatCalls',
      unit: 'count',
      direction: 'lower',
      deduction: null,
      whenNull: null,
      rollup: { kind: 'sum' },
      tile: {},
      cli: { head: 'repeat' },
    };
    // Appended to the criteria, before the KPIs, as a new entry would be.
    const at = LIST.findIndex((m) => m.kind === 'kpi');
    const fixture = [...LIST.slice(0, at), added, ...LIST.slice(at)];
    let rows: ScorecardRow[];
    beforeAll(async () => {
      const body = await get<ScorecardsResponse>('/api/scorecards?period=2026-10');
      // What its SQL would give each operator.
      rows = body.operators.map((r, i) => ({ ...r, scorecard: { ...r.scorecard, repeatCalls: i + 1 } }));
    });

    it('passes the schema', () => {
      expect(() => metricDef.parse(added)).not.toThrow();
    });

    it('is a ranking column, in JSON, Arrow and the web CSV', () => {
      expect(rankingNumberColumns(fixture)).toContain('repeatCalls');
      expect(rankingRows(rows, fixture).map((r) => r.repeatCalls)).toEqual(rows.map((_, i) => i + 1));
      const columns = rankingColumns(fixture);
      expect(columns.map((c) => c.key)).toContain('repeatCalls');
      const csv = rankingCsv(rows, identity, 'MDL', columns)
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      const header = (csv[0] ?? '').split(',');
      const at = header.indexOf('ranking.col.repeatCalls');
      expect(at).toBeGreaterThan(0);
      expect(csv.slice(1, 1 + rows.length).map((line) => line.split(',')[at])).toEqual(
        rows.map((_, i) => String(i + 1)),
      );
    });

    it('is a column of the CLI table', () => {
      const [head, first] = scoreTable(rows, fixture).split('\n');
      const cells = (head ?? '').trim().split(/\s+/);
      expect(cells).toContain('repeat');
      expect(cells.indexOf('repeat')).toBeLessThan(cells.indexOf('coef'));
      expect((first ?? '').trim().split(/\s+/)).toContain('1');
      // The app's own table has no such column.
      expect(scoreTable(rows).split('\n')[0]).not.toContain('repeat');
    });

    it('is a tile with its rolled-up value, before the pay and the KPIs', () => {
      const tiles = tilesOf(fixture);
      const tile = tiles.find((t) => t.id === 'repeatCalls');
      expect(tile).toMatchObject({ label: 'criterion.repeatCalls', sortKey: 'repeatCalls', good: 'lower' });
      const ids = tiles.map((t) => t.id);
      expect(ids.indexOf('repeatCalls')).toBeLessThan(ids.indexOf('payImpact'));
      expect(ids.filter((id) => id !== 'repeatCalls')).toEqual(TILES.map((t) => t.id));
      const sum = (rows.length * (rows.length + 1)) / 2;
      // Rolled up as its entry says (a sum), as the aggregate rolls up every metric of the list.
      expect(rollUp(added, rows, NO_QUEUE_KPIS)).toBe(sum);
      const a = { ...aggregate(rows, NO_QUEUE_KPIS), repeatCalls: rollUp(added, rows, NO_QUEUE_KPIS) };
      expect(tile?.value(a)).toBe(sum);
    });
  });
});

// The English catalogue is the reference for the others (tests/web/i18n.test.ts).
it('the app’s list names no message English lacks', () => {
  expect(LIST.filter((m) => !Object.hasOwn(en, m.label)).map((m) => m.key)).toEqual([]);
});
