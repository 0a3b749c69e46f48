import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCompleteMonth } from '../../core/time.ts';
import { enLive } from '../../web/src/i18n/en-live.ts';
import { roLive } from '../../web/src/i18n/ro-live.ts';
import { ruLive } from '../../web/src/i18n/ru-live.ts';
import { cli } from '../helpers/cli.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';

/**
 * The dashboard's live card in Chromium: a queue_log of today read by `import --follow` before
 * the server starts, then more of it sent to the running server (`--follow --via`) while the page
 * is open: the card shows it by itself, in English, Russian and Romanian.
 */

const NOW = Math.floor(Date.now() / 1000);
const q = (
  ago: number,
  id: string,
  queue: string,
  agent: string,
  event: string,
  ...data: (string | number)[]
) => [NOW - ago, id, queue, agent, event, ...data].join('|');
const FIRST = [
  q(900, 'A.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000001', 1),
  q(890, 'A.1', 'sales', 'SIP/1001', 'CONNECT', 10, 'A.9', 1),
  q(600, 'A.1', 'sales', 'SIP/1001', 'COMPLETECALLER', 10, 290, 1),
  q(800, 'B.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000002', 1),
  q(760, 'B.1', 'sales', 'SIP/1002', 'CONNECT', 40, 'B.9', 1),
  q(500, 'B.1', 'sales', 'SIP/1002', 'COMPLETEAGENT', 40, 260, 1),
  q(700, 'C.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000003', 1),
  q(670, 'C.1', 'sales', 'NONE', 'ABANDON', 1, 1, 30),
  q(120, 'D.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000004', 1),
  q(100, 'E.1', 'sales', 'NONE', 'ENTERQUEUE', '', '+37360000005', 1),
  q(95, 'E.1', 'sales', 'SIP/1001', 'CONNECT', 5, 'E.9', 1),
];
const MORE = [
  q(60, 'D.1', 'sales', 'SIP/1002', 'CONNECT', 60, 'D.9', 1),
  q(50, 'F.1', 'care', 'NONE', 'ENTERQUEUE', '', '+37360000006', 1),
  q(40, 'G.1', 'care', 'NONE', 'ENTERQUEUE', '', '+37360000007', 1),
  q(35, 'G.1', 'care', 'SIP/1003', 'CONNECT', 5, 'G.9', 1),
];

let e: E2E;
let log: string;
beforeAll(async () => {
  e = await startE2E({
    operators: 8,
    month: lastCompleteMonth(new Date(), 'Europe/Chisinau'),
    months: 1,
    async prepare(dir) {
      log = path.join(dir, 'queue_log');
      writeFileSync(log, `${FIRST.join('\n')}\n`);
      const res = await cli(['import', 'calls', log, '--follow', '--once', '--data', dir]);
      if (res.code !== 0) throw new Error(res.stderr);
      expect(res.stdout).toContain(`queue_log@0: ${FIRST.length} lines`);
    },
  });
}, 240_000);
afterAll(() => e?.stop());

const CATALOGUE = { en: enLive, ru: ruLive, ro: roLive } as const;

describe('the live card in Chromium', () => {
  it('shows today’s queues, refreshes by itself as the feed brings more, in three languages', {
    timeout: 120_000,
  }, async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(page, 'head');
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    const card = page.locator('.live-card');
    const row = (queue: string) => card.locator('tbody tr', { has: page.locator(`th:text-is("${queue}")`) });
    await row('sales').waitFor({ timeout: 20_000 });
    // waiting, answered, abandoned, service level, average wait, on call
    await expect
      .poll(() => row('sales').locator('td').allInnerTexts())
      .toEqual(['1', '2', '1', '33.3%', '0:25', '1']);
    await expect
      .poll(() => card.getByTestId('live-meta').textContent())
      .toMatch(/^Updated \S+ · newest event \S+$/);
    await e.shot(page, 'live-card-en');

    // the PBX writes on; the feed sends it to the running server, and the open page shows it
    appendFileSync(log, `${MORE.join('\n')}\n`);
    const sent = await cli(
      [
        'import',
        'calls',
        log,
        '--follow',
        '--once',
        '--via',
        e.url,
        '--user',
        'admin',
        '--state',
        `${log}.via.json`,
      ],
      { env: { CALLSCORE_PASSWORD: e.creds.admin ?? '' } },
    );
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    await row('care').waitFor({ timeout: 25_000 });
    expect(await row('care').locator('td').allInnerTexts()).toEqual(['1', '0', '0', '—', '—', '1']);
    expect(await row('sales').locator('td').first().textContent()).toBe('0');
    expect(await card.locator('tfoot th').textContent()).toBe(enLive['live.total']);

    for (const language of ['ru', 'ro', 'en'] as const) {
      const r = await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } });
      expect(r.status()).toBe(200);
      await page.goto(`${e.url}/`);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect.poll(() => card.locator('h2').textContent()).toBe(CATALOGUE[language]['live.title']);
      await row('care').waitFor();
      await e.shot(page, `live-card-${language}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
