import { useEffect, useId, useRef, useState } from 'react';
import type { CheckDef } from '../../../../schemas/autoqa.ts';
import { AUTOQA_LANGUAGES } from '../../../../schemas/autoqa.ts';
import type { RuleTestSource } from '../../../../schemas/autoqa-test.ts';
import { CLIENT_TYPES } from '../../../../schemas/records.ts';
import { useTestRules } from '../../api/autoqa.ts';
import { Card } from '../../components/Card.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { LANGUAGE_NAMES, type Language, useLanguage, useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';
import { TestResults } from './TestResults.tsx';

/** After a first test, a change of the draft tests again once the typing pauses this long. */
const RETEST_MS = 500;

/**
 * The live test box: a transcript pasted or a stored call picked, checked under the draft being
 * edited (unsaved). After the first test every edit of the draft re-tests, so the effect of a
 * phrase shows as it is typed.
 */
export function RuleTestBox({ checks }: { checks: CheckDef[] }) {
  const t = useT();
  const ids = { text: useId(), call: useId(), lang: useId(), type: useId(), date: useId() };
  const [from, setFrom] = useState<'text' | 'call'>('text');
  const [text, setText] = useState('');
  const [callId, setCallId] = useState('');
  // A reader most often tests calls in his own language.
  const reader = useLanguage();
  const [language, setLanguage] = useState<string>(
    (AUTOQA_LANGUAGES as readonly string[]).includes(reader) ? reader : 'en',
  );
  const [clientType, setClientType] = useState('');
  const [debt, setDebt] = useState(false);
  const [date, setDate] = useState('');
  const test = useTestRules();
  const [tested, setTested] = useState<RuleTestSource | null>(null);

  const source = (): RuleTestSource =>
    from === 'call'
      ? { from: 'call', callId: callId.trim(), ...(language ? { language } : {}) }
      : {
          from: 'text',
          text,
          language,
          ...(clientType ? { clientType: clientType as (typeof CLIENT_TYPES)[number] } : {}),
          ...(debt ? { debt } : {}),
          ...(date ? { date } : {}),
        };

  const run = (s: RuleTestSource) => {
    setTested(s);
    test.mutate({ checks, source: s });
  };

  // The draft changed after a test: the same transcript again, under the new draft.
  const draftKey = JSON.stringify(checks);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of the draft re-tests
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!tested) return;
    const timer = setTimeout(() => test.mutate({ checks, source: tested }), RETEST_MS);
    return () => clearTimeout(timer);
  }, [draftKey]);

  return (
    <Card
      id="aq-test-title"
      title={t('autoqa.test.title')}
      meta={<span className="card-meta">{t('autoqa.test.hint')}</span>}
    >
      <form
        className="card-body aq-test-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(source());
        }}
      >
        <div className="segmented" role="radiogroup" aria-label={t('autoqa.test.source')}>
          {(['text', 'call'] as const).map((f) => (
            <label key={f} className={from === f ? 'tab is-active' : 'tab'}>
              <input
                type="radio"
                name="aq-source"
                value={f}
                checked={from === f}
                onChange={() => setFrom(f)}
              />
              {f === 'text' ? t('autoqa.test.paste') : t('autoqa.test.pick')}
            </label>
          ))}
        </div>
        {from === 'text' ? (
          <div className="field">
            <label className="field-label" htmlFor={ids.text}>
              {t('autoqa.test.transcript')}
            </label>
            <textarea
              id={ids.text}
              className="textarea aq-paste"
              rows={8}
              value={text}
              spellCheck={false}
              placeholder={t('autoqa.test.placeholder')}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
        ) : (
          <div className="field">
            <label className="field-label" htmlFor={ids.call}>
              {t('autoqa.test.callId')}
            </label>
            <input
              id={ids.call}
              className="input"
              value={callId}
              onChange={(e) => setCallId(e.target.value)}
            />
          </div>
        )}
        <div className="aq-test-options">
          <div className="field">
            <label className="field-label" htmlFor={ids.lang}>
              {t('autoqa.test.language')}
            </label>
            <select
              id={ids.lang}
              className="select"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
            >
              {AUTOQA_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l as Language]}
                </option>
              ))}
            </select>
          </div>
          {from === 'text' && (
            <>
              <div className="field">
                <label className="field-label" htmlFor={ids.type}>
                  {t('autoqa.test.clientType')}
                </label>
                <select
                  id={ids.type}
                  className="select"
                  value={clientType}
                  onChange={(e) => setClientType(e.target.value)}
                >
                  <option value="">{t('autoqa.test.clientUnknown')}</option>
                  {CLIENT_TYPES.map((c) => (
                    <option key={c} value={c}>
                      {valueLabel(t, 'clientType', c)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={ids.date}>
                  {t('autoqa.test.date')}
                </label>
                <input
                  id={ids.date}
                  className="input input-date"
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={debt} onChange={(e) => setDebt(e.target.checked)} />
                {t('autoqa.test.debt')}
              </label>
            </>
          )}
        </div>
        <div className="rule-actions">
          <button type="submit" className="button button-primary" disabled={test.isPending}>
            {t('autoqa.test.run')}
          </button>
          {test.data && !test.isPending && (
            <span className="card-meta">{t('autoqa.test.took', { ms: test.data.ms })}</span>
          )}
        </div>
        <FormFeedback error={test.error} />
      </form>
      {test.data && (
        <div className="card-body">
          <TestResults result={test.data} />
        </div>
      )}
    </Card>
  );
}
