import type { FormDefinition } from '../../../../schemas/forms.ts';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { FormAnswers, ScoreSummary } from '../qa/FormAnswers.tsx';
import { usePreviewAnswers } from './usePreviewAnswers.ts';

/** The form as a monitor will see it, answerable, with the score the answers give. */
export function PreviewCard({ definition }: { definition: FormDefinition }) {
  const t = useT();
  const fmt = useFormat();
  const { preview, answers, setAnswers, result } = usePreviewAnswers(definition);
  return (
    <section className="card" aria-labelledby="preview-title">
      <header className="card-header">
        <div className="card-heading">
          <h2 className="card-title" id="preview-title">
            {t('qa.builder.preview')}
          </h2>
          <span className="card-meta">{t('qa.builder.previewHint')}</span>
        </div>
        {Object.keys(answers).length > 0 && (
          <button type="button" className="button button-ghost button-small" onClick={() => setAnswers({})}>
            {t('qa.builder.clearAnswers')}
          </button>
        )}
      </header>
      <div className="card-body">
        <ScoreSummary result={result} definition={preview} fmt={fmt} label={t('qa.score.live')} />
        {preview.sections.length === 0 ? (
          <p className="cell-muted">{t('qa.builder.previewEmpty')}</p>
        ) : (
          <FormAnswers
            definition={preview}
            answers={answers}
            onChange={setAnswers}
            result={result}
            fmt={fmt}
          />
        )}
      </div>
    </section>
  );
}
