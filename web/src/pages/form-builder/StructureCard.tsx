import { useId } from 'react';
import { AUTO_FOR, type AutoFor } from '../../../../schemas/forms.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { addSection, type Draft } from './draft.ts';
import { SectionEditor } from './SectionEditor.tsx';

/** The form's name, description and sections, with adding a section and saving. */
export function StructureCard({
  draft,
  onEdit,
  onSave,
  saving,
  isNew,
  message,
  error,
}: {
  draft: Draft;
  onEdit(edit: (d: Draft) => Draft): void;
  onSave(): void;
  saving: boolean;
  isNew: boolean;
  message: string | null;
  error: unknown;
}) {
  const t = useT();
  const ids = { name: useId(), description: useId(), autoFor: useId() };
  return (
    <section className="card" aria-labelledby="builder-title">
      <header className="card-header">
        <h2 className="card-title" id="builder-title">
          {t('qa.builder.structure')}
        </h2>
      </header>
      <div className="card-body builder">
        <div className="builder-meta">
          <div className="field">
            <label className="field-label" htmlFor={ids.name}>
              {t('qa.builder.name')}
            </label>
            <input
              id={ids.name}
              className="input"
              value={draft.name}
              onChange={(e) => onEdit((d) => ({ ...d, name: e.target.value }))}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.description}>
              {t('qa.builder.description')}
            </label>
            <input
              id={ids.description}
              className="input"
              value={draft.description}
              onChange={(e) => onEdit((d) => ({ ...d, description: e.target.value }))}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={ids.autoFor}>
              {t('formBuilder.autoFor')}
            </label>
            <select
              id={ids.autoFor}
              className="select"
              value={draft.autoFor}
              onChange={(e) => onEdit((d) => ({ ...d, autoFor: e.target.value as AutoFor }))}
            >
              {AUTO_FOR.map((a) => (
                <option key={a} value={a}>
                  {t(`formBuilder.autoFor.${a}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {draft.sections.map((s, si) => (
          <SectionEditor key={s.key} section={s} index={si} count={draft.sections.length} onEdit={onEdit} />
        ))}
        <div className="rule-buttons">
          <button type="button" className="button button-secondary" onClick={() => onEdit(addSection)}>
            {t('qa.builder.addSection')}
          </button>
          <button type="button" className="button button-primary" disabled={saving} onClick={onSave}>
            {saving ? t('qa.action.saving') : isNew ? t('qa.builder.create') : t('qa.builder.saveChanges')}
          </button>
        </div>
        <FormFeedback ok={message} error={error} />
      </div>
    </section>
  );
}
