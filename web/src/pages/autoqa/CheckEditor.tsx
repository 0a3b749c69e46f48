import { useId } from 'react';
import type { CheckDef } from '../../../../schemas/autoqa.ts';
import { AUTOQA_LANGUAGES } from '../../../../schemas/autoqa.ts';
import { LANGUAGE_NAMES, type Language, useLanguage, useT } from '../../i18n/index.ts';
import {
  KIND_LABEL,
  LIST_LABEL,
  PARAM_LABEL,
  type ParamValue,
  paramsOf,
  phraseLists,
  withParam,
  withPhrases,
} from './check-fields.ts';
import { PhraseArea } from './PhraseArea.tsx';

/** The label of a check in the reader's language. */
export const checkLabel = (check: Pick<CheckDef, 'labels'>, language: Language) =>
  check.labels[language as keyof CheckDef['labels']] ?? check.labels.en;

/**
 * One check of the draft: its parameters (seconds, counts) and its phrase lists per language, one
 * phrase a line. Read-only for whoever may not edit. `resetKey` reseeds the text boxes when
 * another version is loaded.
 */
export function CheckEditor({
  check,
  onChange,
  onTurnOff,
  readOnly,
  resetKey,
}: {
  check: CheckDef;
  onChange: (check: CheckDef) => void;
  onTurnOff: (() => void) | null;
  readOnly: boolean;
  resetKey: string;
}) {
  const t = useT();
  const language = useLanguage();
  const lists = phraseLists(check);
  return (
    <details className="aq-check" data-check={check.key}>
      <summary>
        <span className="aq-check-label">{checkLabel(check, language)}</span>
        <span className="badge badge-muted">{t(KIND_LABEL[check.kind])}</span>
        <code className="card-meta">{check.key}</code>
      </summary>
      <div className="aq-check-body">
        {paramsOf(check).length > 0 && (
          <div className="aq-params">
            {paramsOf(check).map(([name, value]) => (
              <ParamField
                key={name}
                name={name}
                value={value}
                readOnly={readOnly}
                onChange={(v) => onChange(withParam(check, name, v))}
              />
            ))}
          </div>
        )}
        {check.kind === 'opening-phrase' && (
          <PhraseArea
            key={`${resetKey}-companyNames`}
            label={t('autoqa.list.companyNames')}
            phrases={check.companyNames}
            readOnly={readOnly}
            onChange={(companyNames) => onChange({ ...check, companyNames })}
          />
        )}
        {Object.entries(lists).map(([name, byLanguage]) => (
          <fieldset key={name} className="fieldset-plain aq-list">
            <legend className="field-label">{LIST_LABEL[name] ? t(LIST_LABEL[name]) : name}</legend>
            <div className="aq-languages">
              {[...new Set([...AUTOQA_LANGUAGES, ...Object.keys(byLanguage)])].map((lang) => (
                <PhraseArea
                  key={`${resetKey}-${name}-${lang}`}
                  label={LANGUAGE_NAMES[lang as Language] ?? lang}
                  phrases={byLanguage[lang] ?? []}
                  readOnly={readOnly}
                  onChange={(phrases) => onChange(withPhrases(check, name, lang, phrases))}
                />
              ))}
            </div>
          </fieldset>
        ))}
        {onTurnOff && (
          <button type="button" className="button button-ghost button-small" onClick={onTurnOff}>
            {t('autoqa.turnOff')}
          </button>
        )}
      </div>
    </details>
  );
}

function ParamField({
  name,
  value,
  onChange,
  readOnly,
}: {
  name: string;
  value: ParamValue;
  onChange: (v: ParamValue) => void;
  readOnly: boolean;
}) {
  const t = useT();
  const id = useId();
  const label = PARAM_LABEL[name] ? t(PARAM_LABEL[name]) : name;
  if (typeof value === 'boolean')
    return (
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
    );
  if (typeof value === 'string')
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select
          id={id}
          className="select"
          value={value}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="new-or-promotion">{t('autoqa.products.newOrPromotion')}</option>
          <option value="traditional">{t('autoqa.products.traditional')}</option>
        </select>
      </div>
    );
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input-small"
        type="number"
        step="any"
        value={Number.isFinite(value) ? value : ''}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value === '' ? Number.NaN : Number(e.target.value))}
      />
    </div>
  );
}
