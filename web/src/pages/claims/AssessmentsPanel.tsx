import { useId, useState } from 'react';
import { toInstant } from '../../../../core/time.ts';
import type { RosterEntry } from '../../../../schemas/roster.ts';
import { useAssessments, useRecordAssessment } from '../../api/claims.ts';
import { useNames } from '../../api/names.ts';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { OperatorField } from './OperatorField.tsx';

/** Management assessments: the list, and a form to record one. */
export function AssessmentsPanel({
  roster,
  canRecord,
}: {
  roster: readonly RosterEntry[];
  fmt: Formatters;
  canRecord: boolean;
}) {
  const t = useT();
  const clock = useClock();
  const names = useNames();
  const id = useId();
  const list = useAssessments();
  const record = useRecordAssessment();
  const [open, setOpen] = useState(false);
  const [operatorId, setOperatorId] = useState('');
  const [polarity, setPolarity] = useState<'negative' | 'positive'>('negative');
  const [date, setDate] = useState(() => clock.day(new Date()));
  const [note, setNote] = useState('');
  const rows = list.data?.assessments;
  return (
    <>
      {canRecord &&
        (open ? (
          <form
            className="card inline-form"
            aria-label={t('assessments.form.title')}
            onSubmit={(e) => {
              e.preventDefault();
              // Noon in the company zone: the date chosen is the day it counts in, whatever the browser's zone.
              const assessedAt = toInstant(`${date}T12:00:00`, clock.zone).toISOString();
              record.mutate(
                { operatorId, polarity, assessedAt, note },
                {
                  onSuccess: () => {
                    setOpen(false);
                    setNote('');
                  },
                },
              );
            }}
          >
            <h2 className="card-title">{t('assessments.form.title')}</h2>
            <div className="form-grid">
              <OperatorField roster={roster} value={operatorId} onChange={setOperatorId} />
              <div className="field">
                <label className="field-label" htmlFor={`${id}-pol`}>
                  {t('assessments.form.polarity')}
                </label>
                <select
                  id={`${id}-pol`}
                  className="select"
                  value={polarity}
                  onChange={(e) => setPolarity(e.target.value as 'negative' | 'positive')}
                >
                  <option value="negative">{t('assessments.polarity.negative')}</option>
                  <option value="positive">{t('assessments.polarity.positive')}</option>
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-date`}>
                  {t('assessments.form.date')}
                </label>
                <input
                  id={`${id}-date`}
                  className="input"
                  type="date"
                  required
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                />
              </div>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-note`}>
                {t('assessments.form.note')}
              </label>
              <textarea
                id={`${id}-note`}
                className="input textarea"
                rows={2}
                required
                minLength={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
            <FormFeedback error={record.error} />
            <div className="confirm-buttons">
              <button
                type="submit"
                className="button button-primary button-small"
                disabled={record.isPending}
              >
                {t('assessments.form.save')}
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => setOpen(false)}
              >
                {t('claims.form.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="toolbar">
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => setOpen(true)}
            >
              {t('assessments.record')}
            </button>
          </div>
        ))}
      <section className="card">
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : !rows ? (
          <Skeleton height={240} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('assessments.empty')} />
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{clock.withZone(t('assessments.col.date'))}</th>
                  <th scope="col">{t('claims.col.operator')}</th>
                  <th scope="col">{t('assessments.form.polarity')}</th>
                  <th scope="col">{t('assessments.col.note')}</th>
                  <th scope="col">{t('assessments.col.author')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.assessmentId}>
                    <td>{clock.date(a.assessedAt)}</td>
                    <th scope="row" className="cell-name">
                      {a.operatorName ?? a.operatorId}
                      <span className="cell-sub">{a.operatorId}</span>
                    </th>
                    <td>
                      <span
                        className={
                          a.polarity === 'negative' ? 'badge badge-claim-justified' : 'badge badge-locked'
                        }
                      >
                        {t(`assessments.polarity.${a.polarity}`)}
                      </span>
                    </td>
                    <td className="cell-wrap">{a.note ?? '—'}</td>
                    <td className="cell-muted">
                      {names.user(a.author)}
                      <span className="cell-sub">
                        {t(a.origin === 'manual' ? 'claims.origin.manual' : 'claims.origin.import')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
