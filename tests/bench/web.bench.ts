import { parseArgs } from 'node:util';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { startE2E } from '../helpers/e2e.ts';

/** The targets: the dashboard interactive within 1 s on this machine, with the demo data. */
const TARGET_MS = 1000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

interface Load {
  /** From the start of the navigation (the page's time origin), in milliseconds. */
  tiles: number;
  ranking: number;
  /** Bytes of JavaScript the page fetched over the wire (0 when it came from the cache). */
  scriptBytes: number;
}

/**
 * One load of `url` in `page`: when the tiles show figures and when the ranking's first rows are
 * drawn (the dashboard is usable), read off the page's own clock.
 */
async function loadOnce(page: Page, url: string): Promise<Load> {
  await page.goto(url, { waitUntil: 'commit' });
  const at = (selector: string) =>
    page.waitForFunction((s) => document.querySelector(s) !== null && performance.now(), selector, {
      polling: 'raf',
      timeout: 30_000,
    });
  const tiles = Number(await (await at('[data-tile] .kpi-value:not(.kpi-value-muted)')).jsonValue());
  const ranking = Number(await (await at('tr[data-index]')).jsonValue());
  const scriptBytes = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
      .reduce((a, e) => a + (e as PerformanceResourceTiming).transferSize, 0),
  );
  return { tiles, ranking, scriptBytes };
}

/** A page signed in as the head, in a context of its own: its own cache, empty at first. */
async function headPage(browser: Browser, storageState: BrowserContextOptions['storageState']) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, storageState });
  return { context, page: await context.newPage() };
}

/**
 * `npm run bench -- web [--operators 60] [--months 3] [--runs 7]`
 *
 * Serves a demo data directory with the production build, signs the department head in in
 * Debian's Chromium, then loads the dashboard `runs` times with an empty cache (a first visit)
 * and `runs` times with a warm one (a return), and prints the median time until the tiles show
 * their figures and until the ranking's rows are drawn, beside a bare page of the same server
 * loaded the same way (what the browser and the machine cost before any of the app's work).
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      operators: { type: 'string', default: '60' },
      months: { type: 'string', default: '3' },
      runs: { type: 'string', default: '7' },
    },
  });
  const runs = Number(values.runs);
  const e = await startE2E({
    operators: Number(values.operators),
    month: '2026-10',
    months: Number(values.months),
  });
  try {
    const signIn = await e.browser.newPage();
    await e.signIn(signIn, 'head');
    await signIn.waitForSelector('[data-tile]');
    const state = await signIn.context().storageState();
    await signIn.context().close();
    const url = `${e.url}/?period=2026-10`;

    const bare: number[] = [];
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await headPage(e.browser, state);
      // The server's health answer as a page: the browser's own cost of a navigation.
      await page.goto(`${e.url}/api/health`);
      bare.push(await page.evaluate(() => performance.now()));
      cold.push(await loadOnce(page, url));
      warm.push(await loadOnce(page, url));
      await context.close();
    }
    const row = (name: string, loads: Load[]) =>
      `${name.padEnd(22)} tiles ${median(loads.map((l) => l.tiles))
        .toFixed(0)
        .padStart(5)} ms   ranking ${median(loads.map((l) => l.ranking))
        .toFixed(0)
        .padStart(
          5,
        )} ms   JavaScript over the wire ${(median(loads.map((l) => l.scriptBytes)) / 1024).toFixed(0)} KB`;
    console.log(
      `dashboard of ${values.operators} operators, ${values.months} months; median of ${runs} loads each:`,
    );
    console.log(row('first visit (no cache)', cold));
    console.log(row('return (cached)', warm));
    console.log(`bare page of the same server: ${median(bare).toFixed(0)} ms`);
    const interactive = median(cold.map((l) => l.ranking));
    console.log(
      `first visit interactive (ranking drawn): ${interactive.toFixed(0)} ms, ${(interactive / Math.max(1, median(bare))).toFixed(1)}× the bare page   target < ${TARGET_MS} ms   ${interactive < TARGET_MS ? 'met' : 'MISSED'}`,
    );
  } finally {
    await e.stop();
  }
}
