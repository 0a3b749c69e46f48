import { useId } from 'react';
import { CRITICAL_LEVELS, QUESTION_TYPES } from '../../../../schemas/forms.ts';
import { useT } from '../../i18n/index.ts';
import { AutoBindingEditor } from './AutoBindingEditor.tsx';
import { type Critical, num, type QDraft, type QType } from './draft.ts';
import { OptionsEditor } from './OptionsEditor.tsx';

/** One question: text, type, weight, criticality, scale range, N/A, options, help; move or remove it. */
export function QuestionEditor({
  q,
  n,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  q: QDraft;
  n: number;
  first: boolean;
  last: boolean;
  onChange(patch: Partial<QDraft>): void;
  onMove(by: number): void;
  onRemove: (() => void) | null;
}) {
  const t = useT();
  const base = useId();
  const field = (k: string) => `${base}-${k}`;
  return (
    <fieldset className="builder-question">
      <legend className="builder-question-legend">{t('qa.builder.questionN', { n })}</legend>
      <div className="builder-grid">
        <div className="field span-3">
          <label className="field-label" htmlFor={field('text')}>
            {t('qa.builder.text')}
          </label>
          <input
            id={field('text')}
            className="input input-small"
            value={q.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('type')}>
            {t('qa.builder.type')}
          </label>
          <select
            id={field('type')}
            className="select select-small"
            value={q.type}
            onChange={(e) => onChange({ type: e.target.value as QType })}
          >
            {QUESTION_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`qa.builder.type.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('weight')}>
            {t('qa.builder.weight')}
          </label>
          <input
            id={field('weight')}
            className="input input-small input-number"
            inputMode="decimal"
            value={q.weight}
            aria-invalid={!(num(q.weight) > 0)}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('critical')}>
            {t('qa.builder.critical')}
          </label>
          <select
            id={field('critical')}
            className="select select-small"
            value={q.critical}
            onChange={(e) => onChange({ critical: e.target.value as Critical })}
          >
            {CRITICAL_LEVELS.map((x) => (
              <option key={x} value={x}>
                {t(`qa.builder.critical.${x}`)}
              </option>
            ))}
          </select>
        </div>
        {q.type === 'scale' && (
          <>
            <div className="field">
              <label className="field-label" htmlFor={field('min')}>
                {t('qa.builder.min')}
              </label>
              <input
                id={field('min')}
                className="input input-small input-number"
                inputMode="numeric"
                value={q.min}
                onChange={(e) => onChange({ min: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={field('max')}>
                {t('qa.builder.max')}
              </label>
              <input
                id={field('max')}
                className="input input-small input-number"
                inputMode="numeric"
                value={q.max}
                aria-invalid={!(num(q.max) > num(q.min))}
                onChange={(e) => onChange({ max: e.target.value })}
              />
            </div>
          </>
        )}
        <label className="checkbox builder-na">
          <input
            type="checkbox"
            checked={q.allowNa}
            onChange={(e) => onChange({ allowNa: e.target.checked })}
          />
          <span>{t('qa.builder.allowNa')}</span>
        </label>
      </div>
      {q.type === 'choice' && (
        <OptionsEditor q={q} field={field} onChange={(options) => onChange({ options })} />
      )}
      <AutoBindingEditor q={q} field={field} onChange={onChange} />
      <div className="field">
        <label className="field-label" htmlFor={field('help')}>
          {t('qa.builder.help')}
        </label>
        <input
          id={field('help')}
          className="input input-small"
          value={q.help}
          onChange={(e) => onChange({ help: e.target.value })}
        />
      </div>
      <div className="icon-buttons">
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={first}
          onClick={() => onMove(-1)}
        >
          {t('qa.builder.up')}
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={last}
          onClick={() => onMove(1)}
        >
          {t('qa.builder.down')}
        </button>
        {onRemove && (
          <button type="button" className="button button-ghost button-small" onClick={onRemove}>
            {t('qa.builder.removeQuestion')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
