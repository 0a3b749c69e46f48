import type { CheckDef } from '../../../../schemas/autoqa.ts';
import { useAutoqaRules } from '../../api/autoqa-rules.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import type { QDraft } from './draft.ts';

/** A check's label in the user's language. */
export const checkLabel = (c: Pick<CheckDef, 'labels'>, language: string) =>
  c.labels[language as keyof CheckDef['labels']] ?? c.labels.en;

/**
 * The AutoQA check that answers a question, and for a scale or choice question the answers on
 * pass and on fail (empty: the default, the best and the worst answer). The checks are the rule
 * set's in force; the server refuses a form naming one it lacks.
 */
export function AutoBindingEditor({
  q,
  field,
  onChange,
}: {
  q: QDraft;
  field(k: string): string;
  onChange(patch: Partial<QDraft>): void;
}) {
  const t = useT();
  const language = useLanguage();
  const rules = useAutoqaRules();
  const checks = rules.data?.ruleSet.checks ?? [];
  const known = checks.some((c) => c.key === q.autoCheck);
  const values = q.type === 'choice' ? q.options.map((o) => o.label).filter((l) => l.trim() !== '') : null;
  const answer = (
    k: 'autoPass' | 'autoFail',
    label: 'formBuilder.autoCheck.pass' | 'formBuilder.autoCheck.fail',
  ) => (
    <div className="field">
      <label className="field-label" htmlFor={field(k)}>
        {t(label)}
      </label>
      {values ? (
        <select
          id={field(k)}
          className="select select-small"
          value={q[k]}
          onChange={(e) => onChange({ [k]: e.target.value })}
        >
          <option value="">{t('formBuilder.autoCheck.default')}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={field(k)}
          className="input input-small input-number"
          inputMode="numeric"
          placeholder={t('formBuilder.autoCheck.default')}
          value={q[k]}
          onChange={(e) => onChange({ [k]: e.target.value })}
        />
      )}
    </div>
  );
  return (
    <div className="builder-grid builder-auto">
      <div className="field span-2">
        <label className="field-label" htmlFor={field('autoCheck')}>
          {t('formBuilder.autoCheck')}
        </label>
        <select
          id={field('autoCheck')}
          className="select select-small"
          value={q.autoCheck}
          onChange={(e) => onChange({ autoCheck: e.target.value })}
        >
          <option value="">{t('formBuilder.autoCheck.none')}</option>
          {checks.map((c) => (
            <option key={c.key} value={c.key}>
              {checkLabel(c, language)}
            </option>
          ))}
          {/* A check the rule set no longer has stays visible, so saving shows the server's refusal. */}
          {q.autoCheck !== '' && !known && <option value={q.autoCheck}>{q.autoCheck}</option>}
        </select>
      </div>
      {q.autoCheck !== '' && q.type !== 'yes_no' && (
        <>
          {answer('autoPass', 'formBuilder.autoCheck.pass')}
          {answer('autoFail', 'formBuilder.autoCheck.fail')}
        </>
      )}
    </div>
  );
}
