import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { openDataDir } from '../../server/runtime.ts';
import { TILES } from '../../web/src/pages/dashboard/tiles.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;
const OPERATORS = 60;

/** The demo operator's agent time on one October day: 15 min paused, 30 available, 45 talking, 15 wrapping. */
async function addAgentTime(dir: string) {
  const rt = await openDataDir(dir, { webDir: null });
  try {
    const user = await rt.db
      .selectFrom('users')
      .select('operator_id')
      .where('username', '=', 'operator')
      .executeTakeFirstOrThrow();
    const op = user.operator_id as string;
    const file = path.join(path.dirname(dir), 'operator-states.csv');
    writeFileSync(
      file,
      'operator_id,state,started_at,ended_at,reason\n' +
        `${op},pause,2026-10-05T08:00:00+03:00,2026-10-05T08:15:00+03:00,LOGIN\n` +
        `${op},available,2026-10-05T08:15:00+03:00,2026-10-05T08:45:00+03:00,\n` +
        `${op},talk,2026-10-05T08:45:00+03:00,2026-10-05T09:30:00+03:00,\n` +
        `${op},wrap,2026-10-05T09:30:00+03:00,2026-10-05T09:45:00+03:00,\n`,
    );
    const report = await importFile(rt, {
      kind: 'operator-states',
      file,
      actor: 'test',
      timeZone: 'Europe/Chisinau',
    });
    if (report.loaded !== 4) throw new Error(JSON.stringify(report));
  } finally {
    await rt.close();
  }
}

beforeAll(async () => {
  e = await startE2E({ operators: OPERATORS, month: '2026-10', months: 2, prepare: addAgentTime });
});
afterAll(() => e?.stop());

/** The budget for the dashboard's first load: gzipped JavaScript. */
const FIRST_LOAD_BUDGET = 300 * 1024;

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
/** A figure as shown (en-GB: `1,302.5`) as a number. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

describe('the department head’s dashboard in Chromium', () => {
  it('loads the dashboard with under 300 KB of gzipped JavaScript; the charts come after', {
    timeout: 90_000,
  }, async () => {
    // What the dashboard needs before it shows anything: the entry, the shell and the page, with
    // everything they import statically (Vite's manifest); lazy imports are "the rest".
    const dist = path.resolve('web/dist');
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; imports?: string[]; dynamicImports?: string[] }
    >;
    const first = new Set<string>();
    const visit = (key: string) => {
      if (first.has(key)) return;
      first.add(key);
      for (const k of manifest[key]?.imports ?? []) visit(k);
    };
    for (const key of ['index.html', 'src/components/AppShell.tsx', 'src/pages/DashboardPage.tsx']) {
      expect(manifest[key], key).toBeDefined();
      visit(key);
    }
    const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).length;
    const files = [...first].map((k) => manifest[k]?.file as string);
    const firstLoad = files.reduce((a, f) => a + gz(f), 0);

    // In Chromium: a fresh load of the dashboard fetches those chunks, then the lazy ones.
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const fetched: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') fetched.push(new URL(r.url()).pathname.slice(1));
    });
    await page.goto(`${e.url}/?period=2026-10`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('.recharts-surface').count(), { timeout: 20_000 })
      .toBeGreaterThan(3);
    expect(fetched).toEqual(expect.arrayContaining(files));
    const all = fetched.reduce((a, f) => a + gz(f), 0);
    console.log(
      `dashboard: first load ${files.length} chunks, ${(firstLoad / 1024).toFixed(1)} KB gzipped; ` +
        `with the lazy charts ${fetched.length} chunks, ${(all / 1024).toFixed(1)} KB`,
    );
    expect(firstLoad).toBeLessThan(FIRST_LOAD_BUDGET);
    await page.close();
  });

  it('shows every criterion as a tile, the charts and a virtualised ranking; changes the period', {
    timeout: 90_000,
  }, async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.locator('[data-tile]').count(), { timeout: 20_000 }).toBe(TILES.length);
    await expect.poll(() => page.locator('.ranking-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);
    // Only the rows in sight are drawn.
    expect(await page.locator('.ranking-row').count()).toBeLessThan(OPERATORS);
    expect(await page.locator('#ranking-title').textContent()).toBe('Operators ranked');
    expect(await page.locator('.card-meta', { hasText: 'operators, by' }).textContent()).toContain(
      `${OPERATORS}`,
    );
    await expect
      .poll(() => page.locator('.recharts-surface').count(), { timeout: 20_000 })
      .toBeGreaterThan(3);
    const quality = await page.locator('[data-tile="qualityScore"] .kpi-value').textContent();
    expect(numberIn(quality)).toBeGreaterThan(0);
    expect(param(page, 'period')).toBe('2026-10');
    // Two demo months: the tiles compare October with September and draw a line through both.
    expect(await page.locator('[data-tile] .delta-good, [data-tile] .delta-bad').count()).toBeGreaterThan(6);
    expect(await page.locator('[data-tile] svg.sparkline path').count()).toBeGreaterThan(6);
    await e.shot(page, 'dash-head');
    // The quality bands say which colour is below the threshold.
    expect(await page.locator('.legend-below li').allTextContents()).toEqual(['Below 80', '80 and above']);
    // The column the ranking is sorted by (the coefficient, far right) is in sight.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const box = document.querySelector('.ranking-scroll')?.getBoundingClientRect();
            const th = document
              .querySelector('.sort-button.is-sorted')
              ?.closest('th')
              ?.getBoundingClientRect();
            return !!box && !!th && th.left >= box.left && th.right <= box.right;
          }),
        { timeout: 20_000 },
      )
      .toBe(true);

    // A custom range: the URL names it, the figures follow.
    const handled = await page.locator('[data-tile="handledCalls"] .kpi-value').textContent();
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.waitForURL((u) => u.searchParams.get('from') === '2026-10-01');
    expect(param(page, 'to')).toBe('2026-10-15');
    expect(param(page, 'period')).toBeNull();
    await expect
      .poll(async () => numberIn(await page.locator('[data-tile="handledCalls"] .kpi-value').textContent()), {
        timeout: 20_000,
      })
      .toBeLessThan(numberIn(handled));
    await expect
      .poll(() => page.locator('.page-subtitle').textContent(), { timeout: 20_000 })
      .toMatch(/1 Oct to 14 Oct/);
    await e.shot(page, 'dash-range');

    // Back to the month, and the team filter.
    await page.getByLabel('Period', { exact: true }).selectOption('2026-10');
    await page.waitForURL((u) => u.searchParams.get('period') === '2026-10');
    const team = page.getByLabel('Team', { exact: true });
    const teamValue = await team.locator('option').nth(1).getAttribute('value');
    await team.selectOption(teamValue as string);
    await page.waitForURL((u) => u.searchParams.get('team') === teamValue);
    await expect
      .poll(
        async () => numberIn(await page.locator('.card-meta', { hasText: 'operators, by' }).textContent()),
        { timeout: 20_000 },
      )
      .toBeLessThan(OPERATORS);
    await team.selectOption('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sorts the ranking, exports it, and drills from a tile to an operator to a call', {
    timeout: 90_000,
  }, async () => {
    const page = await e.browser.newPage({ viewport: { width: 1366, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect.poll(() => page.locator('.ranking-row').count(), { timeout: 20_000 }).toBeGreaterThan(5);

    // Sorting by handled calls, most first, then fewest first.
    await page.locator('[data-sort="handledCalls"]').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'handledCalls');
    const handledColumn = async () =>
      (await page.locator('.ranking-row td:nth-child(4)').allTextContents()).slice(0, 5).map(numberIn);
    const sorted = (xs: number[], sign: number) =>
      xs.every((x, i) => i === 0 || sign * (x - (xs[i - 1] as number)) >= 0);
    await expect.poll(async () => sorted(await handledColumn(), 1), { timeout: 20_000 }).toBe(true);
    const asc = await handledColumn();
    await page.locator('[data-sort="handledCalls"]').click();
    await page.waitForURL((u) => u.searchParams.get('dir') === 'desc');
    await expect.poll(async () => sorted(await handledColumn(), -1), { timeout: 20_000 }).toBe(true);
    const desc = await handledColumn();
    expect(desc[0]).toBeGreaterThanOrEqual(asc[0] as number);

    // Scrolling the ranking draws the rows further down.
    await page.locator('.ranking-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect
      .poll(() => page.locator('.ranking-row td.rank-col').last().textContent(), { timeout: 20_000 })
      .toBe(String(OPERATORS));

    // CSV export of what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true); // the BOM spreadsheets need for UTF-8
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^operatorId,Operator,Team,Handled,/);
    expect(lines).toHaveLength(OPERATORS + 1);

    // A tile opens the ranking sorted by its criterion, worst first.
    await page.locator('[data-tile="qualityScore"]').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'qualityScore');
    expect(param(page, 'dir')).toBe('asc');
    await expect
      .poll(() => page.locator('.sort-button.is-sorted').textContent(), { timeout: 20_000 })
      .toBe('Quality');
    await e.shot(page, 'dash-drill-quality');

    // The worst operator's page: scorecard, trend, pay explanation, calls.
    const first = page.locator('.ranking-row .cell-name a').first();
    const name = await first.textContent();
    await first.click();
    await page.waitForURL(/\/operators\/[^/?]+\?period=2026-10/);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 20_000 }).toBe(name);
    await expect
      .poll(() => page.locator('.scorecard-table tbody tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(10);
    await expect.poll(() => page.locator('.explain').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(() => page.locator('.trend .recharts-surface, .trend .trend-empty').count(), { timeout: 20_000 })
      .toBe(4);
    // A point for each month he worked in: both demo months but for a newcomer.
    await expect
      .poll(() => page.locator('.trend .recharts-line-dot').count(), { timeout: 20_000 })
      .toBeGreaterThan(4);
    // Every month named under each trend, by its short name, and none cut off at the chart's edge.
    const ticks = await page.evaluate(() =>
      [...document.querySelectorAll('.trend')].map((fig) => {
        const svg = fig.querySelector('svg.recharts-surface')?.getBoundingClientRect();
        const texts = [
          ...fig.querySelectorAll('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'),
        ];
        return {
          labels: texts.map((x) => x.textContent),
          inside: texts.every((x) => {
            const r = x.getBoundingClientRect();
            return !!svg && r.left >= svg.left && r.right <= svg.right;
          }),
        };
      }),
    );
    const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) =>
      new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-01`)),
    );
    for (const t of ticks) expect(t).toEqual({ labels: months, inside: true });
    await expect
      .poll(() => page.locator('#activity-panel tbody tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: 'How I am evaluated' }).count()).toBe(0);
    await e.shot(page, 'operator-page-head');

    // Tabs work from the keyboard.
    await page.getByRole('tab', { name: 'Calls' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('tab') === 'orders');
    await expect
      .poll(() => page.locator('#activity-panel').textContent(), { timeout: 20_000 })
      .toMatch(/Taken|Nothing in this period/);
    await page.getByRole('tab', { name: 'Evaluations' }).click();
    await expect
      .poll(() => page.locator('#activity-panel').textContent(), { timeout: 20_000 })
      .toMatch(/Evaluator|Nothing in this period/);
    await e.shot(page, 'operator-page-evaluations');

    // A call opens the QA workspace's route.
    await page.getByRole('tab', { name: 'Calls' }).click();
    const call = page.locator('#activity-panel a.call-link').first();
    const callId = await call.textContent();
    await call.click();
    await page.waitForURL((u) => u.pathname === `/calls/${encodeURIComponent(callId as string)}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows an operator his own page, how he is evaluated, and nobody else’s', {
    timeout: 90_000,
  }, async () => {
    const page = await e.browser.newPage({ viewport: { width: 1366, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'operator');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect
      .poll(() => page.locator('.scorecard-table tbody tr').count(), { timeout: 20_000 })
      .toBeGreaterThan(10);
    expect(await page.locator('.ranking-row').count()).toBe(0);
    expect(await page.getByRole('link', { name: /All operators/ }).count()).toBe(0);
    await expect
      .poll(() => page.locator('#how-title').textContent(), { timeout: 20_000 })
      .toBe('How I am evaluated');
    await expect.poll(() => page.locator('.how-rules li').count(), { timeout: 20_000 }).toBeGreaterThan(7);
    expect(await page.locator('.how').textContent()).toMatch(
      /Each justified claim from a client: 10% of your variable part/,
    );
    // His time logged in, from the operator states loaded for him.
    const agentTime = page.locator('section[aria-labelledby="agent-time-title"]');
    await expect
      .poll(() => agentTime.locator('h2').textContent(), { timeout: 20_000 })
      .toBe('Time logged in');
    const shown = await agentTime.textContent();
    expect(shown).toContain('66.7%'); // occupancy: (45 + 15) / (30 + 45 + 15)
    expect(shown).toContain('14.3%'); // paused: 15 of 105 minutes
    await e.shot(page, 'operator-own');

    // Another operator's page: not his to open, as the server would refuse it.
    const own = await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user.operatorId);
    const other = own === 'OP-0002' ? 'OP-0003' : 'OP-0002';
    expect(await page.evaluate(async (id) => (await fetch(`/api/scorecards/${id}`)).status, other)).toBe(403);
    await page.goto(`${e.url}/operators/${other}?period=2026-10`);
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 20_000 })
      .toBe('Not available for your role');
    expect(await page.locator('.scorecard-table').count()).toBe(0);
    expect(await page.locator('.state-error').count()).toBe(0);
    await e.shot(page, 'operator-other-refused');
    expect(errors).toEqual([]);
    await page.close();
  });
});
