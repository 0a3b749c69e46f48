import { useId, useState } from 'react';
import { useAssign, useMonitors } from '../../api/qa.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useT } from '../../i18n/index.ts';

/** A lead gives the calls he ticked in the search to one monitor. */
export function SelectionBar({
  period,
  selected,
  onAssigned,
}: {
  period: string;
  selected: readonly string[];
  onAssigned(): void;
}) {
  const t = useT();
  const id = useId();
  const monitors = useMonitors();
  const assign = useAssign();
  const [monitor, setMonitor] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="selection-bar">
      <span className="cell-muted">{t('qa.search.selected', { count: selected.length })}</span>
      <label className="visually-hidden" htmlFor={id}>
        {t('qa.search.assignTo')}
      </label>
      <select
        id={id}
        className="select select-small"
        value={monitor}
        onChange={(e) => setMonitor(e.target.value)}
      >
        <option value="">{t('qa.search.pickMonitor')}</option>
        {(monitors.data?.monitors ?? []).map((m) => (
          <option key={m.username} value={m.username}>
            {m.displayName || m.username}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={!monitor || selected.length === 0 || assign.isPending}
        onClick={() =>
          assign.mutate(
            { period, assignments: selected.map((callId) => ({ callId, monitor })) },
            {
              onSuccess: (r) => {
                onAssigned();
                setMessage(t('qa.assign.result', { created: r.created.length, skipped: r.skipped.length }));
              },
            },
          )
        }
      >
        {t('qa.search.assign')}
      </button>
      <FormFeedback ok={message} error={assign.error} inline />
    </div>
  );
}
