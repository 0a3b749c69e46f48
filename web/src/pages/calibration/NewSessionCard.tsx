import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateCalibration, useForms, useMonitors } from '../../api/qa.ts';
import { Card } from '../../components/Card.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';
import { canCreate, withPick } from './calibration.ts';

/** A lead opens a session: the call, the form, who scores it and who is the reference. */
export function NewSessionCard() {
  const t = useT();
  const navigate = useNavigate();
  const ids = { call: useId(), form: useId(), reference: useId(), note: useId() };
  const forms = useForms();
  const monitors = useMonitors();
  const create = useCreateCalibration();
  const [open, setOpen] = useState(false);
  const [callId, setCallId] = useState('');
  const [formId, setFormId] = useState<number | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const published = (forms.data?.forms ?? []).filter((f) => f.status === 'published');
  const form = formId ?? published[0]?.id ?? null;

  return (
    <Card
      id="new-session-title"
      title={t('qa.calibration.new')}
      actions={
        open ? null : (
          <button type="button" className="button button-primary button-small" onClick={() => setOpen(true)}>
            {t('qa.calibration.open')}
          </button>
        )
      }
    >
      {open && (
        <form
          className="card-body new-session"
          onSubmit={(e) => {
            e.preventDefault();
            if (form === null) return;
            create.mutate(
              {
                callId: callId.trim(),
                formId: form,
                monitors: picked,
                reference: reference || null,
                note: note.trim() || null,
              },
              { onSuccess: (r) => navigate(`/calibration/${r.session.id}`) },
            );
          }}
        >
          <div className="new-session-grid">
            <div className="field">
              <label className="field-label" htmlFor={ids.call}>
                {t('qa.calibration.callId')}
              </label>
              <input
                id={ids.call}
                className="input input-small"
                required
                placeholder={t('qa.calibration.callIdPlaceholder')}
                value={callId}
                onChange={(e) => setCallId(e.target.value)}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.form}>
                {t('qa.form')}
              </label>
              <select
                id={ids.form}
                className="select select-small"
                value={form ?? ''}
                onChange={(e) => setFormId(Number(e.target.value))}
              >
                {published.map((f) => (
                  <option key={f.id} value={f.id}>
                    {t('qa.forms.nameVersion', { name: f.name, version: f.version })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.reference}>
                {t('qa.calibration.reference')}
              </label>
              <select
                id={ids.reference}
                className="select select-small"
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              >
                <option value="">{t('qa.calibration.noReference')}</option>
                {picked.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.note}>
                {t('qa.calibration.note')}
              </label>
              <input
                id={ids.note}
                className="input input-small"
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </div>
          <fieldset className="check-list check-list-row">
            <legend className="field-label">{t('qa.calibration.invite')}</legend>
            {(monitors.data?.monitors ?? []).map((m) => (
              <label key={m.username} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(m.username)}
                  onChange={(e) => {
                    const next = withPick(picked, reference, m.username, e.target.checked);
                    setPicked(next.picked);
                    setReference(next.reference);
                  }}
                />
                <span>{m.displayName || m.username}</span>
              </label>
            ))}
          </fieldset>
          <div className="confirm-buttons">
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={create.isPending || !canCreate(callId, form, picked)}
            >
              {t('qa.calibration.create')}
            </button>
            <button type="button" className="button button-ghost button-small" onClick={() => setOpen(false)}>
              {t('qa.cancel')}
            </button>
          </div>
          <FormFeedback error={create.error} />
        </form>
      )}
    </Card>
  );
}
