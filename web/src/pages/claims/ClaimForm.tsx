import { useId, useState } from 'react';
import type { RosterEntry } from '../../../../schemas/roster.ts';
import { useRegisterClaim } from '../../api/claims.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { OperatorField } from './OperatorField.tsx';

/** Registers a claim from a client or another division against an operator. */
export function ClaimForm({ roster, onDone }: { roster: readonly RosterEntry[]; onDone(): void }) {
  const t = useT();
  const id = useId();
  const register = useRegisterClaim();
  const [operatorId, setOperatorId] = useState('');
  const [source, setSource] = useState<'client' | 'internal'>('client');
  const [division, setDivision] = useState('');
  const [callId, setCallId] = useState('');
  const [orderId, setOrderId] = useState('');
  const [description, setDescription] = useState('');
  return (
    <form
      className="card inline-form"
      aria-label={t('claims.form.title')}
      onSubmit={(e) => {
        e.preventDefault();
        register.mutate(
          {
            operatorId,
            source,
            division: division.trim() || null,
            callId: callId.trim() || null,
            orderId: orderId.trim() || null,
            description,
          },
          { onSuccess: onDone },
        );
      }}
    >
      <h2 className="card-title">{t('claims.form.title')}</h2>
      <div className="form-grid">
        <OperatorField roster={roster} value={operatorId} onChange={setOperatorId} />
        <div className="field">
          <label className="field-label" htmlFor={`${id}-src`}>
            {t('claims.form.source')}
          </label>
          <select
            id={`${id}-src`}
            className="select"
            value={source}
            onChange={(e) => setSource(e.target.value as 'client' | 'internal')}
          >
            <option value="client">{t('claims.source.client')}</option>
            <option value="internal">{t('claims.source.internal')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-div`}>
            {t('claims.form.division')}
          </label>
          <input
            id={`${id}-div`}
            className="input"
            value={division}
            onChange={(e) => setDivision(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-call`}>
            {t('claims.form.call')}
          </label>
          <input
            id={`${id}-call`}
            className="input"
            value={callId}
            onChange={(e) => setCallId(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-order`}>
            {t('claims.form.order')}
          </label>
          <input
            id={`${id}-order`}
            className="input"
            value={orderId}
            onChange={(e) => setOrderId(e.target.value)}
          />
        </div>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-desc`}>
          {t('claims.form.description')}
        </label>
        <textarea
          id={`${id}-desc`}
          className="input textarea"
          rows={3}
          required
          minLength={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <FormFeedback error={register.error} />
      <div className="confirm-buttons">
        <button type="submit" className="button button-primary button-small" disabled={register.isPending}>
          {register.isPending ? t('claims.form.saving') : t('claims.form.save')}
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          {t('claims.form.cancel')}
        </button>
      </div>
    </form>
  );
}
