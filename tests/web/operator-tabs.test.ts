import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../web/src/i18n/index.ts';
import {
  activeTab,
  callHref,
  orderErrors,
  TABS,
  tabForKey,
} from '../../web/src/pages/operator/activity-tabs.ts';

describe("the operator page's activity tabs", () => {
  it('opens the tab the address names, the calls otherwise', () => {
    expect(activeTab('claims')).toBe('claims');
    expect(activeTab(null)).toBe('calls');
    expect(activeTab('payroll')).toBe('calls');
  });

  it('moves with the arrows, wrapping around, and to the ends with Home and End', () => {
    expect(tabForKey('calls', 'ArrowRight')).toBe('orders');
    expect(tabForKey('assessments', 'ArrowRight')).toBe('calls');
    expect(tabForKey('calls', 'ArrowLeft')).toBe('assessments');
    expect(tabForKey('claims', 'Home')).toBe('calls');
    expect(tabForKey('orders', 'End')).toBe(TABS[TABS.length - 1]);
    expect(tabForKey('orders', 'Enter')).toBeNull();
  });

  it("names an order's errors: its code, then the debt and routing rules it broke", () => {
    const t = (key: MessageKey, vars?: Record<string, unknown>) => (vars ? `${key}:${vars.code}` : key);
    expect(orderErrors(t, { errorCode: 'E7', breaksDebtRule: true, breaksRoutingRule: true })).toEqual([
      'opPage.error.code:E7',
      'opPage.error.debt',
      'opPage.error.routing',
    ]);
    expect(orderErrors(t, { errorCode: null, breaksDebtRule: false, breaksRoutingRule: false })).toEqual([]);
  });

  it('links a call by its id, escaped', () => {
    expect(callHref('C 1/2')).toBe('/calls/C%201%2F2');
  });
});
