import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { NotificationView } from '../../../schemas/notifications.ts';
import { useNames } from '../api/names.ts';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications.ts';
import { useClock } from '../clock.ts';
import { type MessageKey, useT } from '../i18n/index.ts';
import { EmailPreference } from './EmailPreference.tsx';
import { Icon } from './icons.tsx';

function BellIcon() {
  return (
    <Icon>
      <path d="M6 8a4 4 0 0 1 8 0c0 4.5 2 5.5 2 5.5H4S6 12.5 6 8Z" />
      <path d="M8.5 16.5a1.6 1.6 0 0 0 3 0" />
    </Icon>
  );
}

/** The text of one notification, from its kind and what it names. */
function useText() {
  const t = useT();
  const names = useNames();
  return (n: NotificationView) => {
    const p = n.params;
    const decision = p.decision ? t(`notify.decision.${p.decision}` as MessageKey) : '';
    return t(
      `notify.kind.${n.kind}${n.kind === 'disputeDecided' && p.level === 2 ? '2' : ''}` as MessageKey,
      {
        evaluation: p.evaluationId ?? '',
        call: p.callId ?? '',
        by: p.by ? names.user(p.by) : '',
        session: p.calibrationId ?? '',
        coaching: p.coachingId ?? '',
        count: p.count ?? 0,
        period: p.period ?? '',
        decision,
      },
    );
  };
}

/**
 * The top bar's bell: a badge with the unread count (asked for every 45 s while the tab is
 * shown) and, opened, the newest notifications, each linking to what it is about.
 */
export function NotificationBell() {
  const t = useT();
  const text = useText();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const unread = useUnreadCount().data?.unread ?? 0;
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  // In the company's zone, as every time on screen (clock.ts), not the browser's.
  const dt = useClock();

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const items = list.data?.notifications ?? [];
  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="button button-ghost button-small bell-button"
        aria-label={unread ? t('notify.bellUnread', { count: unread }) : t('notify.bell')}
        title={t('notify.bell')}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className="bell-badge" data-testid="bell-badge">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section className="bell-panel" aria-label={t('notify.title')}>
          <header className="bell-head">
            <h2>{t('notify.title')}</h2>
            <button
              type="button"
              className="button button-ghost button-small"
              disabled={unread === 0 || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notify.markAllRead')}
            </button>
          </header>
          {list.isPending ? (
            <p className="bell-empty">{t('notify.loading')}</p>
          ) : list.isError ? (
            <p className="bell-empty" role="alert">
              {t('notify.loadFailed')}
            </p>
          ) : items.length === 0 ? (
            <p className="bell-empty">{t('notify.empty')}</p>
          ) : (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'bell-item' : 'bell-item bell-item-unread'}>
                  <Link
                    to={n.link}
                    className="bell-link"
                    onClick={() => {
                      if (!n.read) markRead.mutate(n.id);
                      setOpen(false);
                    }}
                  >
                    <span className="bell-text">{text(n)}</span>
                    <time className="bell-time" dateTime={n.createdAt}>
                      {dt.dateTime(n.createdAt)}
                    </time>
                  </Link>
                  {!n.read && (
                    <button
                      type="button"
                      className="button button-ghost button-small bell-mark"
                      title={t('notify.markRead')}
                      onClick={() => markRead.mutate(n.id)}
                    >
                      {t('notify.markRead')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <footer className="bell-foot">
            <EmailPreference />
          </footer>
        </section>
      )}
    </div>
  );
}
