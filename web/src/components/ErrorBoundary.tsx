import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../i18n/index.ts';

interface Props {
  children: ReactNode;
  /** Changing it clears a caught error, e.g. on navigation to another page. */
  resetKey?: string;
}
interface State {
  error: unknown;
  resetKey: string | undefined;
}

/** Keeps a crash in one page (or a chunk that failed to download) from blanking the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="state state-error page-error" role="alert">
        <div className="state-text">
          <p className="state-title">{t('error.title')}</p>
          <p className="state-body">{t('error.unexpected')}</p>
        </div>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => window.location.reload()}
        >
          {t('error.reload')}
        </button>
      </div>
    );
  }
}
