import { useT } from '../../i18n/index.ts';
import {
  addQuestion,
  type Draft,
  moveQuestion,
  moveSection,
  patchQuestion,
  removeQuestion,
  removeSection,
  type SDraft,
  updateSection,
} from './draft.ts';
import { QuestionEditor } from './QuestionEditor.tsx';

/** One section: its title, moving or removing it, its questions and adding one. */
export function SectionEditor({
  section: s,
  index: si,
  count,
  onEdit,
}: {
  section: SDraft;
  index: number;
  count: number;
  onEdit(edit: (d: Draft) => Draft): void;
}) {
  const t = useT();
  return (
    <fieldset className="builder-section">
      <legend className="visually-hidden">{t('qa.builder.sectionN', { n: si + 1 })}</legend>
      <div className="builder-section-head">
        <div className="field grow">
          <label className="field-label" htmlFor={`sec-${s.key}`}>
            {t('qa.builder.sectionTitle', { n: si + 1 })}
          </label>
          <input
            id={`sec-${s.key}`}
            className="input input-small"
            value={s.title}
            onChange={(e) => {
              const title = e.target.value;
              onEdit((d) => updateSection(d, s.key, (x) => ({ ...x, title })));
            }}
          />
        </div>
        <div className="icon-buttons">
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={si === 0}
            onClick={() => onEdit((d) => moveSection(d, si, -1))}
          >
            {t('qa.builder.up')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={si === count - 1}
            onClick={() => onEdit((d) => moveSection(d, si, 1))}
          >
            {t('qa.builder.down')}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            disabled={count === 1}
            onClick={() => onEdit((d) => removeSection(d, s.key))}
          >
            {t('qa.builder.removeSection')}
          </button>
        </div>
      </div>
      {s.questions.map((q, qi) => (
        <QuestionEditor
          key={q.key}
          q={q}
          n={qi + 1}
          first={qi === 0}
          last={qi === s.questions.length - 1}
          onChange={(patch) => onEdit((d) => patchQuestion(d, s.key, q.key, patch))}
          onMove={(by) => onEdit((d) => moveQuestion(d, s.key, qi, by))}
          onRemove={s.questions.length > 1 ? () => onEdit((d) => removeQuestion(d, s.key, q.key)) : null}
        />
      ))}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => onEdit((d) => addQuestion(d, s.key))}
      >
        {t('qa.builder.addQuestion')}
      </button>
    </fieldset>
  );
}
