import { useState } from 'react';
import type { Query } from '../../api/client.ts';
import { useAssign, useMonitors } from '../../api/qa.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { sampleToSplit, toggled } from './queue-params.ts';

/** The sample split evenly among the monitors a lead picks. */
export function EvenSplitCard({ period, sampleQuery }: { period: string; sampleQuery: Query }) {
  const t = useT();
  const monitors = useMonitors();
  const assign = useAssign();
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const list = monitors.data?.monitors ?? [];

  return (
    <section className="card" aria-labelledby="assign-title">
      <header className="card-header">
        <h2 className="card-title" id="assign-title">
          {t('qa.assign.title')}
        </h2>
      </header>
      <div className="card-body">
        <p className="card-text">{t('qa.assign.hint')}</p>
        {monitors.isError ? (
          <ErrorState compact error={monitors.error} onRetry={() => void monitors.refetch()} />
        ) : (
          <fieldset className="check-list">
            <legend className="field-label">{t('qa.assign.monitors')}</legend>
            {list.map((m) => (
              <label key={m.username} className="checkbox">
                <input
                  type="checkbox"
                  checked={picked.includes(m.username)}
                  onChange={(e) => setPicked((p) => toggled(p, m.username, e.target.checked))}
                />
                <span>
                  {m.displayName || m.username} <span className="cell-muted">({t(`role.${m.role}`)})</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="rule-buttons">
          <button
            type="button"
            className="button button-primary"
            disabled={picked.length === 0 || assign.isPending}
            onClick={() =>
              assign.mutate(
                { period, monitors: picked, sample: sampleToSplit(sampleQuery) },
                {
                  onSuccess: (r) =>
                    setMessage(
                      t('qa.assign.result', { created: r.created.length, skipped: r.skipped.length }),
                    ),
                },
              )
            }
          >
            {assign.isPending ? t('qa.assign.assigning') : t('qa.assign.even')}
          </button>
        </div>
        <FormFeedback ok={message} error={assign.error} />
      </div>
    </section>
  );
}
