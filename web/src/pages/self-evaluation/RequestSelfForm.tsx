import { useId, useState } from 'react';
import { useRequestSelfEvaluations } from '../../api/coaching.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { FormField } from '../coaching/FormField.tsx';

/** The QA lead names calls and a form; each call's operator is asked to score it himself. */
export function RequestSelfForm({ initialCalls = '' }: { initialCalls?: string }) {
  const t = useT();
  const id = useId();
  const request = useRequestSelfEvaluations();
  const [calls, setCalls] = useState(initialCalls);
  const [formId, setFormId] = useState('');
  return (
    <form
      className="card inline-form"
      aria-label={t('self.request.title')}
      onSubmit={(e) => {
        e.preventDefault();
        const callIds = calls
          .split(/[\s,]+/)
          .map((x) => x.trim())
          .filter(Boolean);
        request.mutate({ callIds, formId: Number(formId) }, { onSuccess: () => setCalls('') });
      }}
    >
      <h2 className="card-title">{t('self.request.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-calls`}>
            {t('self.request.calls')}
          </label>
          <input
            id={`${id}-calls`}
            className="input"
            required
            value={calls}
            onChange={(e) => setCalls(e.target.value)}
          />
        </div>
        <FormField id={`${id}-form`} value={formId} onChange={setFormId} />
      </div>
      <FormFeedback error={request.error} />
      {request.isSuccess && (
        <p role="status">{t('self.request.done', { count: request.data.selfEvaluations.length })}</p>
      )}
      <div className="confirm-buttons">
        <button type="submit" className="button button-primary button-small" disabled={request.isPending}>
          {t('self.request.submit')}
        </button>
      </div>
    </form>
  );
}
