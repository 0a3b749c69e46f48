import { useT } from '../../i18n/index.ts';
import { type OptionDraft, type QDraft, withNewOption, withOption, withoutOption } from './draft.ts';

/** A choice question's options, each a label and its points; two at least. */
export function OptionsEditor({
  q,
  field,
  onChange,
}: {
  q: QDraft;
  /** The id of one of the question's fields. */
  field(name: string): string;
  onChange(options: OptionDraft[]): void;
}) {
  const t = useT();
  return (
    <div className="builder-options">
      <span className="field-label">{t('qa.builder.options')}</span>
      {q.options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place and have no id
        <div key={i} className="builder-option">
          <label className="visually-hidden" htmlFor={field(`o${i}`)}>
            {t('qa.builder.optionLabel', { n: i + 1 })}
          </label>
          <input
            id={field(`o${i}`)}
            className="input input-small"
            placeholder={t('qa.builder.optionLabel', { n: i + 1 })}
            value={o.label}
            onChange={(e) => onChange(withOption(q, i, { label: e.target.value }))}
          />
          <label className="visually-hidden" htmlFor={field(`p${i}`)}>
            {t('qa.builder.optionPoints', { n: i + 1 })}
          </label>
          <input
            id={field(`p${i}`)}
            className="input input-small input-number"
            inputMode="decimal"
            value={o.points}
            onChange={(e) => onChange(withOption(q, i, { points: e.target.value }))}
          />
          <span className="cell-muted">{t('qa.builder.points')}</span>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={q.options.length <= 2}
            onClick={() => onChange(withoutOption(q, i))}
          >
            {t('qa.builder.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button-ghost button-small"
        onClick={() => onChange(withNewOption(q))}
      >
        {t('qa.builder.addOption')}
      </button>
    </div>
  );
}
