import { type FormEvent, useId, useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useLogin, useMe } from '../api/hooks.ts';
import { safeReturnPath } from '../auth/session.tsx';
import { AlertIcon } from '../components/icons.tsx';
import { Brand } from '../components/Logo.tsx';
import { errorMessage } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { type Translate, useT } from '../i18n/index.ts';

function loginErrorText(error: unknown, t: Translate): string {
  if (isApiError(error, 401)) return t('login.wrongCredentials');
  // 429 carries the server's wait time in its message; other failures use the shared wording.
  return errorMessage(error, t);
}

export default function LoginPage() {
  const t = useT();
  useDocumentTitle(t('login.title'));
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  const returnTo = safeReturnPath(location.state);

  if (me.data && !login.isPending) return <Navigate to={returnTo} replace />;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (login.isPending) return;
    const name = username.trim();
    if (!name || !password) {
      setMissing(true);
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setMissing(false);
    login.mutate(
      { username: name, password },
      {
        onSuccess: () => navigate(returnTo, { replace: true }),
        onError: (err) => {
          if (isApiError(err, 401)) {
            setPassword('');
            passwordRef.current?.focus();
          }
        },
      },
    );
  };

  const error = missing ? t('login.missingFields') : login.isError ? loginErrorText(login.error, t) : null;
  const invalid = error !== null;

  return (
    <div className="login-page">
      <main className="login-card">
        <div className="login-brand">
          <Brand size={36} />
          <p className="login-tagline">{t('app.tagline')}</p>
        </div>
        <form
          className="login-form"
          onSubmit={onSubmit}
          noValidate
          aria-describedby={error ? errorId : undefined}
        >
          <div>
            <h1 className="login-title">{t('login.title')}</h1>
            <p className="login-subtitle">{t('login.subtitle')}</p>
          </div>
          {error && (
            <div id={errorId} className="form-error sentence" role="alert">
              <AlertIcon />
              <span>{error}</span>
            </div>
          )}
          <label className="field">
            <span className="field-label">{t('login.username')}</span>
            <input
              ref={usernameRef}
              className="input"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              // biome-ignore lint/a11y/noAutofocus: the only task on this page is to type the username
              autoFocus
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={invalid && (!missing || !username.trim())}
              required
            />
          </label>
          <label className="field">
            <span className="field-label">{t('login.password')}</span>
            <input
              ref={passwordRef}
              className="input"
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={invalid && (!missing || !password)}
              required
            />
          </label>
          <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <p className="login-footer">{t('login.footer')}</p>
      </main>
    </div>
  );
}
