import { useId } from 'react';
import { DEDUCTION_KEYS, type DeductionKey } from '../../../../schemas/criteria.ts';
import { type PayRule, QUALITY_SOURCES, type QualitySource } from '../../../../schemas/pay-rule.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';

type NumberField = 'weight' | 'cap' | 'threshold' | 'perPoint' | 'each';

/** The numeric parameters of each deduction, in the order the formula reads them. */
const FIELDS: Record<DeductionKey, readonly NumberField[]> = {
  tasks: ['weight', 'cap'],
  quality: ['threshold', 'perPoint', 'cap'],
  targets: ['weight', 'cap'],
  internalClaims: ['each', 'cap'],
  clientClaims: ['each', 'cap'],
  orderErrors: ['threshold', 'weight', 'cap'],
  negativeAssessments: ['each', 'cap'],
};

/** A rule being edited: numbers as typed, so a half-typed "0." is not lost. */
export type Draft = Record<string, string>;

export function toDraft(rule: PayRule): Draft {
  const d: Draft = { floor: String(rule.floor), ceiling: String(rule.ceiling) };
  for (const key of DEDUCTION_KEYS) {
    const part = rule[key] as unknown as Record<string, number>;
    for (const f of FIELDS[key]) d[`${key}.${f}`] = String(part[f]);
  }
  d['quality.source'] = rule.quality.source ?? 'human';
  d['orderRules.debt'] = String(rule.orderRules.debt);
  d['orderRules.routing'] = String(rule.orderRules.routing);
  return d;
}

/** The draft as a rule object; the server's schema decides whether it is a valid one. */
export function fromDraft(d: Draft): PayRule {
  const num = (k: string) => Number((d[k] ?? '').replace(',', '.'));
  const rule: Record<string, unknown> = { floor: num('floor'), ceiling: num('ceiling') };
  for (const key of DEDUCTION_KEYS) {
    rule[key] = Object.fromEntries(FIELDS[key].map((f) => [f, num(`${key}.${f}`)]));
  }
  rule.quality = { ...(rule.quality as object), source: d['quality.source'] ?? 'human' };
  rule.orderRules = { debt: d['orderRules.debt'] === 'true', routing: d['orderRules.routing'] === 'true' };
  return rule as unknown as PayRule;
}

const invalid = (v: string | undefined) =>
  v === undefined || v.trim() === '' || Number.isNaN(Number(v.replace(',', '.')));

export function RuleEditor({ draft, onChange }: { draft: Draft; onChange(next: Draft): void }) {
  const t = useT();
  const base = useId();
  const set = (k: string, v: string) => onChange({ ...draft, [k]: v });
  const input = (k: string, label: MessageKey) => (
    <div className="rule-field" key={k}>
      <label className="field-label" htmlFor={`${base}-${k}`}>
        {t(label)}
      </label>
      <input
        id={`${base}-${k}`}
        className="input input-small"
        inputMode="decimal"
        value={draft[k] ?? ''}
        aria-invalid={invalid(draft[k])}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );
  return (
    <div className="rule-editor">
      {DEDUCTION_KEYS.map((key) => (
        <fieldset className="rule-part" key={key}>
          <legend>{t(`deduction.${key}`)}</legend>
          <p className="rule-formula">{t(`rules.formula.${key}`)}</p>
          <div className="rule-fields">
            {FIELDS[key].map((f) => input(`${key}.${f}`, `rules.field.${f}`))}
          </div>
          {key === 'quality' && (
            <div className="rule-field">
              <label className="field-label" htmlFor={`${base}-quality-source`}>
                {t('payRules.quality.source')}
              </label>
              <select
                id={`${base}-quality-source`}
                className="input input-small"
                value={draft['quality.source'] ?? 'human'}
                onChange={(e) => set('quality.source', e.target.value as QualitySource)}
              >
                {QUALITY_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`payRules.quality.source.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </fieldset>
      ))}
      <fieldset className="rule-part">
        <legend>{t('rules.orderRules')}</legend>
        {(['debt', 'routing'] as const).map((r) => (
          <label className="rule-check" key={r}>
            <input
              type="checkbox"
              checked={draft[`orderRules.${r}`] === 'true'}
              onChange={(e) => set(`orderRules.${r}`, String(e.target.checked))}
            />
            <span>{t(`rules.field.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="rule-part">
        <legend>{t('rules.coefficient')}</legend>
        <div className="rule-fields">
          {input('floor', 'rules.field.floor')}
          {input('ceiling', 'rules.field.ceiling')}
        </div>
      </fieldset>
    </div>
  );
}
