import { type Action, can } from '../../../../schemas/policy.ts';
import type { Role } from '../../../../schemas/roles.ts';
import type { Formatters } from '../../format.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';

/** The operator page's activity tabs: which one the address names, and moving between them by key. */

export const TABS = ['calls', 'orders', 'evaluations', 'claims', 'assessments'] as const;
export type Tab = (typeof TABS)[number];

/** What every tab is given: whose month, and how to write an instant of it. */
export interface TabProps {
  operatorId: string;
  period: string;
  fmt: Formatters;
  when(iso: string): string;
}

export const TAB_LABEL: Record<Tab, MessageKey> = {
  calls: 'opPage.tab.calls',
  orders: 'opPage.tab.orders',
  evaluations: 'opPage.tab.evaluations',
  claims: 'opPage.tab.claims',
  assessments: 'opPage.tab.assessments',
};

/** What the server must let the user do for each tab to show: its list. */
const TAB_NEEDS: Record<Tab, Action> = {
  calls: 'calls.read',
  orders: 'operatorPage.read',
  evaluations: 'evaluations.read',
  claims: 'operatorPage.read',
  assessments: 'operatorPage.read',
};

/** The tabs a role sees: payroll, who reads pay but not calls or evaluations, sees the rest. */
export function tabsFor(role: Role): readonly Tab[] {
  return TABS.filter((tab) => can(role, TAB_NEEDS[tab]));
}

/** The tab of `?tab=`, the first of `tabs` (the calls) when it names none of them. */
export function activeTab(wanted: string | null, tabs: readonly Tab[] = TABS): Tab {
  return tabs.includes(wanted as Tab) ? (wanted as Tab) : (tabs[0] ?? 'orders');
}

/** The tab a key moves to from `current` (arrows wrap around, Home and End), or null for another key. */
export function tabForKey(current: Tab, key: string, tabs: readonly Tab[] = TABS): Tab | null {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  const next =
    key === 'ArrowRight'
      ? (i + 1) % n
      : key === 'ArrowLeft'
        ? (i + n - 1) % n
        : key === 'Home'
          ? 0
          : key === 'End'
            ? n - 1
            : null;
  return next === null ? null : (tabs[next] ?? null);
}

export const callHref = (id: string) => `/calls/${encodeURIComponent(id)}`;

/** What is wrong with an order, in words: its error code, the debt rule, the routing rule. */
export function orderErrors(
  t: Translate,
  o: { errorCode: string | null; breaksDebtRule: boolean; breaksRoutingRule: boolean },
): string[] {
  return [
    o.errorCode ? t('opPage.error.code', { code: o.errorCode }) : null,
    o.breaksDebtRule ? t('opPage.error.debt') : null,
    o.breaksRoutingRule ? t('opPage.error.routing') : null,
  ].filter((x): x is string => x !== null);
}
