import { useEffect, useMemo, useState } from 'react';
import { scoreAnswers } from '../../../../core/form-score.ts';
import type { Answers, FormDefinition } from '../../../../schemas/forms.ts';
import { useT } from '../../i18n/index.ts';
import { fittingAnswers, previewable } from './preview.ts';

/** The preview of a definition being built, the answers tried on it and their live score. */
export function usePreviewAnswers(definition: FormDefinition) {
  const t = useT();
  const [answers, setAnswers] = useState<Answers>({});
  const preview = useMemo(() => previewable(definition, t('qa.builder.untitled')), [definition, t]);
  const result = useMemo(() => scoreAnswers(preview, answers), [preview, answers]);
  // Answers of removed questions, or of a question whose type changed, no longer fit.
  useEffect(() => setAnswers((a) => fittingAnswers(preview, a)), [preview]);
  return { preview, answers, setAnswers, result };
}
