import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, startE2E } from '../helpers/e2e.ts';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({ operators: 12, month: '2026-10', months: 1 });
});
afterAll(() => e?.stop());

describe('users and a team lead in Chromium', () => {
  it('an administrator makes a head a team lead; the lead sees his team only', {
    timeout: 90_000,
  }, async () => {
    const admin = await e.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    admin.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(admin, 'admin');
    await admin.waitForURL((u) => !u.pathname.startsWith('/login'));
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.waitForURL(/\/users/);
    // The six demo users and the four monitors whose evaluations the demo carries.
    await expect.poll(() => admin.locator('tr[data-user]').count(), { timeout: 15_000 }).toBe(10);

    // The team of the first operator, with his teammates.
    const roster = await admin.evaluate(async () => {
      const r = await fetch('/api/operators');
      return ((await r.json()) as { operators: { operatorId: string; teamId: string; teamName: string }[] })
        .operators;
    });
    const team = roster[0] as { teamId: string; teamName: string };
    const members = roster.filter((o) => o.teamId === team.teamId).length;
    expect(members).toBeLessThan(roster.length);

    // Created as a department head, then made the lead of one team.
    await admin.getByRole('button', { name: 'Add a user' }).click();
    const form = admin.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill('lead');
    await form.getByLabel('Full name').fill('Lena Lead');
    await form.getByLabel('Role').selectOption('head');
    await form.getByLabel('Department').selectOption({ index: 1 });
    await form.getByLabel('Password (at least 8 characters)').fill('lead-password');
    await form.getByRole('button', { name: 'Create user' }).click();
    const row = admin.locator('tr[data-user="lead"]');
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/Department /);

    await row.getByRole('button', { name: 'Whose operators lead sees' }).click();
    const edit = row.getByRole('form', { name: 'Whose operators lead sees' });
    await edit.getByLabel('Team').selectOption(team.teamId);
    expect(await edit.getByLabel('Department').inputValue()).toBe('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain(`Team ${team.teamName}`);
    await e.shot(admin, 'users');
    expect(errors).toEqual([]);
    await admin.close();

    const lead = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    lead.on('pageerror', (err) => errors.push(err.message));
    await e.signIn(lead, 'lead', 'lead-password');
    await lead.waitForURL((u) => !u.pathname.startsWith('/login'));
    await expect
      .poll(() => lead.locator('.user-role').textContent(), { timeout: 15_000 })
      .toBe(`Team lead, ${team.teamName}`);
    await expect
      .poll(() => lead.locator('.page-subtitle').textContent(), { timeout: 20_000 })
      .toContain(team.teamName);
    await expect
      .poll(() => lead.locator('.card-meta', { hasText: 'operators, by' }).textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^${members}\\b`));
    // Nothing to pick: his team is the view.
    expect(await lead.getByLabel('Team', { exact: true }).count()).toBe(0);
    expect(await lead.getByLabel('Department', { exact: true }).count()).toBe(0);
    // Another team in the address changes nothing.
    const other = roster.find((o) => o.teamId !== team.teamId)?.teamId as string;
    await lead.goto(`${e.url}/?period=2026-10&team=${other}`);
    await expect
      .poll(() => lead.locator('.page-subtitle').textContent(), { timeout: 20_000 })
      .toContain(team.teamName);
    await e.shot(lead, 'team-lead');
    expect(errors).toEqual([]);
    await lead.close();
  });
});
