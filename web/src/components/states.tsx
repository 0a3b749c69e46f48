import type { CSSProperties, ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { type Translate, useT } from '../i18n/index.ts';
import { AlertIcon, EmptyIcon } from './icons.tsx';

/** The sentence to show for a failed request: the server's own message when it sent one. */
export function errorMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.code === 'network') return t('error.network');
    if (error.code === 'forbidden') return t('error.forbidden');
    return error.message;
  }
  return t('error.unexpected');
}

export function ErrorState({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const t = useT();
  return (
    <div className={compact ? 'state state-error state-compact' : 'state state-error'} role="alert">
      <span className="state-icon">
        <AlertIcon />
      </span>
      <div className="state-text">
        <p className="state-title">{t('error.title')}</p>
        <p className="state-body sentence">{errorMessage(error, t)}</p>
      </div>
      {onRetry && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <span className="state-icon">
        <EmptyIcon />
      </span>
      <div className="state-text">
        <p className="state-title">{title}</p>
        {children && <p className="state-body">{children}</p>}
      </div>
    </div>
  );
}

/** A grey placeholder with the shape of what is loading. */
export function Skeleton({
  width,
  height = 14,
  style,
}: {
  width?: number | string;
  height?: number | string;
  style?: CSSProperties;
}) {
  return <span className="skeleton" style={{ width, height, ...style }} />;
}

/** Announces loading to screen readers once per block, while sighted users see the skeleton. */
export function LoadingRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div aria-busy="true">
      <span className="visually-hidden" role="status">
        {label}
      </span>
      {children}
    </div>
  );
}
