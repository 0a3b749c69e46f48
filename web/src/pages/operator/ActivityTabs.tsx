import { type KeyboardEvent, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { AssessmentsTab } from './AssessmentsTab.tsx';
import { activeTab, TAB_LABEL, type Tab, type TabProps, tabForKey, tabsFor } from './activity-tabs.ts';
import { CallsTab } from './CallsTab.tsx';
import { ClaimsTab } from './ClaimsTab.tsx';
import { EvaluationsTab } from './EvaluationsTab.tsx';
import { OrdersTab } from './OrdersTab.tsx';

const PANELS = {
  calls: CallsTab,
  orders: OrdersTab,
  evaluations: EvaluationsTab,
  claims: ClaimsTab,
  assessments: AssessmentsTab,
} satisfies Record<Tab, (props: TabProps) => unknown>;

/** The operator's calls, orders, evaluations, claims and assessments of the month, one tab each. */
export function ActivityTabs({
  operatorId,
  period,
  fmt,
}: {
  operatorId: string;
  period: string;
  fmt: Formatters;
}) {
  const t = useT();
  const { user } = useSession();
  const clock = useClock();
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(user.role);
  const tab = activeTab(params.get('tab'), tabs);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const when = (iso: string) => clock.short(iso);
  const Panel = PANELS[tab];

  const select = (next: Tab, focus = false) => {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        p.set('tab', next);
        return p;
      },
      { replace: true, preventScrollReset: true },
    );
    if (focus) tabRefs.current[tabs.indexOf(next)]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const next = tabForKey(tab, e.key, tabs);
    if (next === null) return;
    e.preventDefault();
    select(next, true);
  };

  return (
    <section className="card" aria-labelledby="activity-title">
      <header className="card-header">
        <h2 className="card-title" id="activity-title">
          {t('opPage.activity')}
        </h2>
        <span className="card-meta">{t('time.zone', { zone: clock.zone })}</span>
        <div
          className="tabs"
          role="tablist"
          aria-label={t('opPage.activity')}
          tabIndex={-1}
          onKeyDown={onKey}
        >
          {tabs.map((x, i) => (
            <button
              key={x}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${x}`}
              aria-selected={tab === x}
              aria-controls="activity-panel"
              tabIndex={tab === x ? 0 : -1}
              className={tab === x ? 'tab is-selected' : 'tab'}
              onClick={() => select(x)}
            >
              {t(TAB_LABEL[x])}
            </button>
          ))}
        </div>
      </header>
      <div role="tabpanel" id="activity-panel" aria-labelledby={`tab-${tab}`}>
        <Panel operatorId={operatorId} period={period} fmt={fmt} when={when} />
      </div>
    </section>
  );
}
