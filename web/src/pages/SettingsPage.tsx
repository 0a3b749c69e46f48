import { useState } from 'react';
import { SETTING_KEYS, type SettingKey, type Settings } from '../../../schemas/settings.ts';
import { TRANSCRIBE_LANGUAGES, WEB_TRANSCRIBE_ENGINES } from '../../../schemas/transcribe.ts';
import { useCompanySettings, useSaveSetting } from '../api/settings.ts';
import { Field } from '../components/Field.tsx';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useT } from '../i18n/index.ts';
import { SmtpCard } from './settings/SmtpCard.tsx';

/** The zones the browser knows, offered while typing; the server checks the value it gets. */
const ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

const NUMERIC: ReadonlySet<SettingKey> = new Set([
  'serviceLevelSeconds',
  'disputeDays',
  'appealLevels',
  'appealDays',
  'disputesPerMonth',
  'sessionHours',
]);
const BOOLEAN: ReadonlySet<SettingKey> = new Set(['trustProxy', 'secureCookies']);
/** Settings with a fixed list of values, each shown as it is stored. */
const CHOICES: Partial<Record<SettingKey, readonly string[]>> = {
  transcribeEngine: WEB_TRANSCRIBE_ENGINES,
  transcribeLanguage: TRANSCRIBE_LANGUAGES,
};

/** One setting: its value, what it means, and a save of its own (each change is audited apart). */
function SettingRow({ name, value }: { name: SettingKey; value: Settings[SettingKey] }) {
  const t = useT();
  const save = useSaveSetting();
  const [draft, setDraft] = useState(String(value));
  const changed = draft.trim() !== String(value);
  return (
    <form
      className="setting-row"
      aria-label={t(`settings.key.${name}`)}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ key: name, value: draft.trim() });
      }}
    >
      <Field
        label={t(`settings.key.${name}`)}
        hint={t(`settings.help.${name}`)}
        notice={
          name === 'timeZone' && <span data-testid="time-zone-notice">{t('settings.timeZone.notice')}</span>
        }
      >
        {(control) =>
          CHOICES[name] ? (
            <select {...control} className="select" value={draft} onChange={(e) => setDraft(e.target.value)}>
              {CHOICES[name].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          ) : BOOLEAN.has(name) ? (
            <select {...control} className="select" value={draft} onChange={(e) => setDraft(e.target.value)}>
              <option value="false">{t('settings.no')}</option>
              <option value="true">{t('settings.yes')}</option>
            </select>
          ) : (
            <>
              <input
                {...control}
                className="input"
                inputMode={NUMERIC.has(name) ? 'numeric' : undefined}
                list={name === 'timeZone' ? `${control.id}-zones` : undefined}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              />
              {name === 'timeZone' && (
                <datalist id={`${control.id}-zones`}>
                  {ZONES.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              )}
            </>
          )
        }
      </Field>
      <div className="confirm-buttons">
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={!changed || save.isPending}
        >
          {save.isPending ? t('settings.saving') : t('settings.save')}
        </button>
        {save.isSuccess && !changed && (
          <span className="card-meta" role="status">
            {t('settings.saved')}
          </span>
        )}
      </div>
      <FormFeedback error={save.error} />
    </form>
  );
}

/** Company settings (administrator): every key with its meaning; each change is audited. */
export default function SettingsPage() {
  const t = useT();
  useDocumentTitle(t('settings.title'));
  const settings = useCompanySettings();
  const values = settings.data?.settings;
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <section className="card settings-card" aria-label={t('settings.title')}>
        {settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : !values ? (
          <Skeleton height={320} />
        ) : (
          SETTING_KEYS.map((k) => <SettingRow key={k} name={k} value={values[k]} />)
        )}
      </section>
      <SmtpCard />
    </div>
  );
}
