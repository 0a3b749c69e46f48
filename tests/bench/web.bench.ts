import { parseArgs } from 'node:util';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/** The target: every page shows all its figures within 1 s on this machine, with the demo data. */
const TARGET_MS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

interface Load {
  /** From the start of the navigation (the page's time origin) until all is drawn, in milliseconds. */
  done: number;
  /** Bytes of JavaScript the page fetched over the wire (0 when it came from the cache). */
  scriptBytes: number;
  /** Requests to the API the page made. */
  apiRequests: number;
}

interface Target {
  name: string;
  user: string;
  path: string;
  /** Charts drawn once the page has settled: a load is done when as many are drawn. */
  charts: number;
}

/**
 * The condition of a page that a person no longer waits on: the page is there (no splash, no
 * page outline), no placeholder of a loading part is left (`.skeleton`, `aria-busy`), and
 * `charts` charts are drawn.
 */
function settled(charts: number): boolean {
  return (
    document.querySelector('main .page') !== null &&
    document.querySelector('.splash, .skeleton, [aria-busy="true"]') === null &&
    document.querySelectorAll('.recharts-surface').length >= charts
  );
}

/** One load of `url` in `page`, timed by the page's own clock. */
async function loadOnce(page: Page, url: string, charts: number): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const done = await page.waitForFunction(
    (n) => {
      const ok =
        document.querySelector('main .page') !== null &&
        document.querySelector('.splash, .skeleton, [aria-busy="true"]') === null &&
        document.querySelectorAll('.recharts-surface').length >= n;
      return ok && performance.now();
    },
    charts,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = Number(await done.jsonValue());
  const { scriptBytes, apiRequests } = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      scriptBytes: entries
        .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
        .reduce((a, e) => a + e.transferSize, 0),
      apiRequests: entries.filter((e) => new URL(e.name).pathname.startsWith('/api/')).length,
    };
  });
  return { done: ms, scriptBytes, apiRequests };
}

/** A signed-in user's cookies, to open contexts of their own (each with an empty cache) with. */
async function signedIn(e: E2E, user: string): Promise<BrowserContextOptions['storageState']> {
  const page = await e.browser.newPage();
  await e.signIn(page, user);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const state = await page.context().storageState();
  await page.context().close();
  return state;
}

async function newPage(browser: Browser, storageState: BrowserContextOptions['storageState']) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
  return { context, page: await context.newPage() };
}

/** The pages measured, with an operator and an evaluation of the demo to open. */
async function targets(e: E2E, states: Map<string, BrowserContextOptions['storageState']>) {
  const { context, page } = await newPage(e.browser, states.get('qa'));
  const evaluations = (await (
    await page.request.get(`${e.url}/api/evaluations?period=2026-10&status=submitted&limit=1`)
  ).json()) as { evaluations: { id: string; operatorId: string | null }[] };
  await context.close();
  const evaluation = evaluations.evaluations[0];
  if (!evaluation) throw new Error('the demo has no submitted evaluation in 2026-10');
  const list: Omit<Target, 'charts'>[] = [
    { name: 'dashboard', user: 'head', path: '/?period=2026-10' },
    { name: 'operator page', user: 'head', path: `/operators/${evaluation.operatorId}?period=2026-10` },
    { name: 'call queue', user: 'qa', path: '/calls?period=2026-10' },
    { name: 'evaluation', user: 'qa', path: `/evaluations/${evaluation.id}` },
  ];
  // How many charts each page draws once it has settled.
  const out: Target[] = [];
  for (const t of list) {
    const { context, page } = await newPage(e.browser, states.get(t.user));
    await page.goto(`${e.url}${t.path}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(settled, 0, { timeout: 30_000 });
    await page.waitForTimeout(500);
    out.push({ ...t, charts: await page.locator('.recharts-surface').count() });
    await context.close();
  }
  return out;
}

/**
 * `npm run bench -- web [--operators 60] [--months 3] [--runs 7]`
 *
 * Serves a demo data directory with the production build in Debian's Chromium and loads each of
 * the dashboard, an operator page, the call queue and an evaluation `runs` times in a browser
 * context of its own (an empty cache: a first visit), then once more in the same context (a
 * return), and prints the median time from the navigation until nothing is loading any more and
 * every chart is drawn: what a person waits for. Beside it, a bare page of the same server loaded
 * the same way (what the browser and the machine cost before any of the app's work).
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      operators: { type: 'string', default: '60' },
      months: { type: 'string', default: '3' },
      runs: { type: 'string', default: '7' },
      only: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const e = await startE2E({
    operators: Number(values.operators),
    month: '2026-10',
    months: Number(values.months),
  });
  try {
    const states = new Map<string, BrowserContextOptions['storageState']>();
    for (const user of ['head', 'qa']) states.set(user, await signedIn(e, user));
    const pages = (await targets(e, states)).filter((t) => !values.only || t.name.startsWith(values.only));

    const bare: number[] = [];
    const cold = new Map<string, Load[]>();
    const warm = new Map<string, Load[]>();
    for (let i = 0; i < runs; i++) {
      for (const t of pages) {
        const { context, page } = await newPage(e.browser, states.get(t.user));
        if (bare.length < runs) {
          // The server's health answer as a page: the browser's own cost of a navigation.
          await page.goto(`${e.url}/api/health`);
          bare.push(await page.evaluate(() => performance.now()));
        }
        cold.set(t.name, [...(cold.get(t.name) ?? []), await loadOnce(page, `${e.url}${t.path}`, t.charts)]);
        warm.set(t.name, [...(warm.get(t.name) ?? []), await loadOnce(page, `${e.url}${t.path}`, t.charts)]);
        await context.close();
      }
    }
    const ms = (loads: Load[]) => median(loads.map((l) => l.done));
    console.log(
      `${values.operators} operators, ${values.months} months; median of ${runs} loads each, from the navigation until nothing loads and every chart is drawn:`,
    );
    console.log(
      `${'page'.padEnd(15)}${'first visit'.padStart(13)}${'return'.padStart(10)}${'JS (first)'.padStart(13)}${'API requests'.padStart(14)}   charts`,
    );
    let missed = 0;
    for (const t of pages) {
      const c = cold.get(t.name) ?? [];
      const w = warm.get(t.name) ?? [];
      if (ms(c) >= TARGET_MS || ms(w) >= TARGET_MS) missed++;
      console.log(
        `${t.name.padEnd(15)}${`${ms(c).toFixed(0)} ms`.padStart(13)}${`${ms(w).toFixed(0)} ms`.padStart(10)}${`${(median(c.map((l) => l.scriptBytes)) / 1024).toFixed(0)} KB`.padStart(13)}${String(median(c.map((l) => l.apiRequests))).padStart(14)}   ${t.charts}`,
      );
    }
    console.log(`bare page of the same server: ${median(bare).toFixed(0)} ms`);
    console.log(
      `target < ${TARGET_MS} ms for every page, first visit and return: ${missed === 0 ? 'met' : `MISSED on ${missed}`}`,
    );
  } finally {
    await e.stop();
  }
}
