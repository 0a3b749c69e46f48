import { useEffect, useState } from 'react';
import type { SmtpView } from '../../../../schemas/notifications.ts';
import { useSaveSmtp, useSmtp } from '../../api/notifications.ts';
import { Field } from '../../components/Field.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';

const EMPTY: SmtpView = {
  host: '',
  port: 587,
  secure: false,
  user: '',
  passwordSet: false,
  from: '',
  appUrl: '',
};

/**
 * The SMTP server notification e-mails go through (administrator). The password field starts
 * empty: the server never sends it back, and an empty field keeps the stored one.
 */
export function SmtpCard() {
  const t = useT();
  const smtp = useSmtp();
  const save = useSaveSmtp();
  const [draft, setDraft] = useState<SmtpView>(EMPTY);
  const [password, setPassword] = useState('');
  useEffect(() => {
    if (smtp.data) setDraft(smtp.data.smtp ?? EMPTY);
  }, [smtp.data]);
  const set = <K extends keyof SmtpView>(k: K, v: SmtpView[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const text = (k: 'host' | 'user' | 'from' | 'appUrl', type = 'text') => (
    <Field label={t(`smtp.${k}`)}>
      {(control) => (
        <input
          {...control}
          className="input"
          type={type}
          value={draft[k]}
          onChange={(e) => set(k, e.target.value)}
        />
      )}
    </Field>
  );
  return (
    <section className="card smtp-card" aria-label={t('smtp.title')}>
      <h2 className="card-title">{t('smtp.title')}</h2>
      <p className="card-meta">{t('smtp.subtitle')}</p>
      {smtp.isError ? (
        <ErrorState error={smtp.error} onRetry={() => void smtp.refetch()} />
      ) : !smtp.data ? (
        <Skeleton height={200} />
      ) : (
        <form
          className="smtp-form"
          aria-label={t('smtp.title')}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              {
                host: draft.host.trim(),
                port: Number(draft.port),
                secure: draft.secure,
                user: draft.user.trim(),
                from: draft.from.trim(),
                appUrl: draft.appUrl.trim(),
                ...(password ? { password } : {}),
              },
              { onSuccess: () => setPassword('') },
            );
          }}
        >
          {text('host')}
          <Field label={t('smtp.port')}>
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="numeric"
                value={String(draft.port)}
                onChange={(e) => set('port', Number(e.target.value.replace(/\D/g, '')) || 0)}
              />
            )}
          </Field>
          <Field label={t('smtp.secure')} hint={t('smtp.secureHint')}>
            {(control) => (
              <select
                {...control}
                className="select"
                value={String(draft.secure)}
                onChange={(e) => set('secure', e.target.value === 'true')}
              >
                <option value="false">{t('settings.no')}</option>
                <option value="true">{t('settings.yes')}</option>
              </select>
            )}
          </Field>
          {text('user')}
          <Field label={t('smtp.password')} hint={draft.passwordSet ? t('smtp.passwordKept') : undefined}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          {text('from', 'email')}
          {text('appUrl', 'url')}
          <div className="confirm-buttons">
            <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
              {save.isPending ? t('settings.saving') : t('settings.save')}
            </button>
          </div>
          <FormFeedback ok={save.isSuccess && t('settings.saved')} error={save.error} />
        </form>
      )}
    </section>
  );
}
