import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTIONS, can } from '../../schemas/policy.ts';
import { ROLES, type Role } from '../../schemas/roles.ts';
import { tabsFor } from '../../web/src/pages/operator/activity-tabs.ts';
import { homeOf, mayOpen, mayOpenPath, PAGES, type PageName, pageAt } from '../../web/src/routes.ts';

const user = (role: Role) => ({ role, operatorId: role === 'operator' ? 'OP-1' : null });
const pages = Object.keys(PAGES) as PageName[];
const routesOfApp = () =>
  [...readFileSync('web/src/App.tsx', 'utf8').matchAll(/<Route path="([^"]+)"/g)]
    .map((m) => `/${m[1]}`)
    .filter((p) => p !== '//login' && p !== '/*');

describe('the pages a role may open, from the server’s policy', () => {
  it('declare every route of the app, each needing actions of the policy', () => {
    expect(routesOfApp().sort()).toEqual(pages.map((p) => PAGES[p].path).sort());
    for (const p of pages) {
      expect(PAGES[p].needs.length, p).toBeGreaterThan(0);
      for (const a of PAGES[p].needs) expect(ACTIONS).toContain(a);
    }
  });

  it('start each role on a page of its own that it may open', () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, homeOf(user(r))]))).toEqual({
      admin: '/imports',
      head: '/dashboard',
      qa_lead: '/disputes',
      qa: '/worklist',
      payroll: '/payroll',
      operator: '/operators/OP-1',
    });
    for (const r of ROLES) expect(mayOpenPath(user(r), homeOf(user(r))), r).toBe(true);
    expect(homeOf({ role: 'operator', operatorId: null })).toBe('/my-evaluations');
  });

  it('open a page only for a role the server lets take everything it needs', () => {
    for (const r of ROLES)
      for (const p of pages) expect(mayOpen(r, p), `${r} ${p}`).toBe(PAGES[p].needs.every((a) => can(r, a)));
    expect(mayOpen('qa', 'dashboard')).toBe(false);
    expect(mayOpen('qa', 'newForm')).toBe(false);
    expect(mayOpen('head', 'callQueue')).toBe(true);
    expect(mayOpen('operator', 'callQueue')).toBe(false);
    expect(mayOpen('payroll', 'callQueue')).toBe(false);
    expect(mayOpen('head', 'payRules')).toBe(true);
    expect(mayOpen('operator', 'dashboard')).toBe(false);
    // AutoQA's accuracy: the QA lead's, a head's over his scope, not a monitor's.
    expect(mayOpen('qa_lead', 'autoqaAccuracy')).toBe(true);
    expect(mayOpen('head', 'autoqaAccuracy')).toBe(true);
    expect(mayOpen('qa', 'autoqaAccuracy')).toBe(false);
  });

  it('let an operator open his own page only, as the server does', () => {
    expect(mayOpenPath(user('operator'), '/operators/OP-1')).toBe(true);
    expect(mayOpenPath(user('operator'), '/operators/OP-2')).toBe(false);
    expect(mayOpenPath(user('head'), '/operators/OP-2')).toBe(true);
    expect(mayOpenPath(user('payroll'), '/calls/C-1')).toBe(false);
  });

  it('name the page at a path, detail pages included', () => {
    expect(pageAt('/calls')).toBe('callQueue');
    expect(pageAt('/calls/C-1')).toBe('call');
    expect(pageAt('/forms/new')).toBe('newForm');
    expect(pageAt('/forms/3/edit')).toBe('editForm');
    expect(pageAt('/nowhere')).toBeNull();
  });

  it('show on the operator page only the tabs whose lists the server gives the role', () => {
    expect(tabsFor('payroll')).toEqual(['orders', 'claims', 'assessments']);
    expect(tabsFor('head')).toEqual(['calls', 'orders', 'evaluations', 'claims', 'assessments']);
    expect(tabsFor('operator')).toEqual(['calls', 'orders', 'evaluations', 'claims', 'assessments']);
  });
});
