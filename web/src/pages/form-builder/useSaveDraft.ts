import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { FormView } from '../../../../schemas/forms.ts';
import { useSaveForm } from '../../api/qa.ts';
import { useT } from '../../i18n/index.ts';
import { type Draft, toSaveBody } from './draft.ts';

/**
 * Saves the draft as the form, or as its next version when this one has evaluations; a new form
 * or version moves to its own address and says what was saved there too.
 */
export function useSaveDraft(form: FormView | null) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const save = useSaveForm();
  const [message, setMessage] = useState<string | null>(
    (location.state as { saved?: string } | null)?.saved ?? null,
  );

  const saveDraft = (draft: Draft) =>
    save.mutate(
      { id: form?.id ?? null, body: toSaveBody(draft) },
      {
        onSuccess: (r) => {
          const text =
            form && r.form.id !== form.id
              ? t('qa.builder.savedNewVersion', { version: r.form.version, previous: form.version })
              : t('qa.builder.saved', { version: r.form.version });
          setMessage(text);
          if (!form || r.form.id !== form.id)
            navigate(`/forms/${r.form.id}/edit`, { replace: true, state: { saved: text } });
        },
      },
    );

  return { saveDraft, saving: save.isPending, error: save.error, message };
}
