import { useEffect, useState } from 'react';
import { useEmailPreference, useSaveEmailPreference } from '../api/notifications.ts';
import { useT } from '../i18n/index.ts';
import { Field } from './Field.tsx';
import { FormFeedback } from './FormFeedback.tsx';

/** The signed-in user's own address for notification e-mail, and his choice to get none. */
export function EmailPreference() {
  const t = useT();
  const pref = useEmailPreference();
  const save = useSaveEmailPreference();
  const [email, setEmail] = useState('');
  const [off, setOff] = useState(false);
  useEffect(() => {
    if (!pref.data) return;
    setEmail(pref.data.email ?? '');
    setOff(pref.data.emailOff);
  }, [pref.data]);
  return (
    <form
      className="bell-email"
      aria-label={t('notify.emailTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ email: email.trim() || null, emailOff: off });
      }}
    >
      <Field label={t('notify.email')}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <label className="bell-email-off">
        <input type="checkbox" checked={off} onChange={(e) => setOff(e.target.checked)} />
        <span>{t('notify.emailOff')}</span>
      </label>
      <button type="submit" className="button button-small" disabled={save.isPending || !pref.data}>
        {t('notify.emailSave')}
      </button>
      <FormFeedback inline ok={save.isSuccess && t('notify.emailSaved')} error={save.error} />
    </form>
  );
}
