import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnreadCountResponse } from '../../schemas/notifications.ts';
import { LANGUAGE_CODES } from '../../schemas/users.ts';
import { type E2E, startE2E } from '../helpers/e2e.ts';
import { findOverflow } from '../helpers/overflow.ts';

let e: E2E;
let operatorId = '';
let operatorName = '';

beforeAll(async () => {
  e = await startE2E({ operators: 6, month: '2026-10', months: 1 });
  const line = readFileSync(path.join(e.dir, 'demo-credentials.txt'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('operator '));
  operatorId = /\((OP-[0-9]+)\)/.exec(line ?? '')?.[1] ?? '';
  operatorName = (line ?? 'operator').trim().split(/\s+/)[0] ?? 'operator';
});
afterAll(() => e?.stop());

async function open(username: string): Promise<{ page: Page; errors: string[] }> {
  const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await e.signIn(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.locator('.nav-list').waitFor();
  return { page, errors };
}

const unread = async (page: Page) =>
  ((await (await page.request.get(`${e.url}/api/notifications/unread`)).json()) as UnreadCountResponse)
    .unread;

describe('the notification bell in Chromium', () => {
  it('shows the operator his unread count and list, marks read, and links to the coaching session', async () => {
    const lead = await open('qalead');
    const ids: number[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await lead.page.request.post(`${e.url}/api/coaching`, {
        data: {
          operatorId,
          goal: { kind: 'criterion', key: 'handledCalls' },
          target: 10 + i,
          followUpOn: '2999-01-01',
        },
      });
      expect(r.status(), await r.text()).toBe(201);
      ids.push(((await r.json()) as { session: { id: number } }).session.id);
    }
    await lead.page.close();

    const { page, errors } = await open(operatorName);
    const count = await unread(page);
    expect(count).toBeGreaterThanOrEqual(2);
    const badge = page.getByTestId('bell-badge');
    await expect.poll(() => badge.textContent()).toBe(String(count));

    const bell = page.getByRole('button', { name: `Notifications: ${count} unread` });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    // The panel is named in the user's language; its items are found by class in every language.
    const items = page.locator('.bell-panel .bell-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    await expect.poll(() => items.first().textContent()).toContain('opened a coaching session for you');

    const found: string[] = [];
    for (const language of LANGUAGE_CODES) {
      expect(
        (await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: language } })).status(),
      ).toBe(200);
      await page.reload();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await page.locator('.bell-button').click();
      await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
      for (const f of await findOverflow(page)) found.push(`${language}: ${f}`);
      await e.shot(page, `notifications-${language}`);
    }
    expect(found).toEqual([]);
    await page.request.put(`${e.url}/api/auth/me/locale`, { data: { locale: 'en' } });
    await page.reload();
    await page.locator('.bell-button').click();

    // One marked read: the badge counts one fewer.
    await items.first().getByRole('button', { name: 'Mark read' }).click();
    await expect.poll(() => badge.textContent()).toBe(String(count - 1));
    await expect.poll(() => unread(page)).toBe(count - 1);

    // Following a notification opens what it is about.
    await items.first().locator('a').click();
    await page.waitForURL(new RegExp(`/coaching/${ids[1]}$`));
    expect(await unread(page)).toBe(count - 1);

    // All read: no badge.
    await page.locator('.bell-button').click();
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => badge.count()).toBe(0);
    expect(await unread(page)).toBe(0);
    expect(errors).toEqual([]);
  });
});
