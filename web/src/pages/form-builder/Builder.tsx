import { useMemo, useState } from 'react';
import type { FormView } from '../../../../schemas/forms.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/index.ts';
import { blankDraft, type Draft, toDefinition, toDraft } from './draft.ts';
import { PreviewCard } from './PreviewCard.tsx';
import { StructureCard } from './StructureCard.tsx';
import { useSaveDraft } from './useSaveDraft.ts';

/** The builder of one form (or a new one): its structure beside the preview. */
export function Builder({ form }: { form: FormView | null }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => (form ? toDraft(form) : blankDraft()));
  const definition = useMemo(() => toDefinition(draft), [draft]);
  const save = useSaveDraft(form);

  return (
    <div className="page">
      <PageHeader
        back={{ to: '/forms', label: t('qa.back.forms') }}
        title={form ? t('qa.builder.editTitle') : t('qa.builder.newTitle')}
        subtitle={
          form
            ? t('qa.builder.editSubtitle', { version: form.version, evaluations: form.evaluations })
            : t('qa.builder.newSubtitle')
        }
      />
      <div className="builder-layout">
        <StructureCard
          draft={draft}
          onEdit={setDraft}
          onSave={() => save.saveDraft(draft)}
          saving={save.saving}
          isNew={!form}
          message={save.message}
          error={save.error}
        />
        <aside className="builder-preview">
          <PreviewCard definition={definition} />
        </aside>
      </div>
    </div>
  );
}
