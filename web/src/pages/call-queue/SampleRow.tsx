import { Link } from 'react-router';
import type { OperatorSample } from '../../../../schemas/calls.ts';
import type { OperatorQuality } from '../../../../schemas/evaluations.ts';
import { useNames } from '../../api/names.ts';
import type { Clock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { QualityCell } from './QualityCell.tsx';

/**
 * One operator of the sample: his quality, the calls wanted and the calls proposed, as chips, each
 * saying why it was taken when it was not simply drawn (a failed check, a claim).
 */
export function SampleRow({
  o,
  q,
  fmt,
  dt,
  checkLabel,
}: {
  o: OperatorSample;
  q: OperatorQuality | undefined;
  fmt: Formatters;
  dt: Clock;
  checkLabel(key: string): string;
}) {
  const t = useT();
  const names = useNames();
  return (
    <tr>
      <th scope="row" className="cell-name">
        {o.name}
        <span className="cell-sub">
          {o.operatorId} · {names.team(o.teamId)}
        </span>
      </th>
      <td>
        <QualityCell q={q} fmt={fmt} />
      </td>
      <td className="num">
        {t('qa.sample.target', { target: o.target, available: o.available })}
        {o.sd !== null && (
          <span className="cell-sub">
            {t(`qa.sample.sd.${o.sdSource ?? 'default'}`, { sd: fmt.decimal(o.sd, 1) })}
          </span>
        )}
      </td>
      <td className="wrap">
        <ul className="call-chips">
          {o.calls.map((c) => (
            <li key={c.callId}>
              <Link
                className={c.evaluationIds.length > 0 ? 'call-chip is-done' : 'call-chip'}
                to={`/calls/${encodeURIComponent(c.callId)}`}
                title={c.callId}
              >
                <span className="call-chip-main">
                  {dt.short(c.startedAt)} · {c.taskType ? t(`qa.task.${c.taskType as 'order'}`) : '—'} ·{' '}
                  {fmt.duration(c.talkS)}
                </span>
                <span className="call-chip-sub">
                  {c.reason === 'failed-check' && (
                    <span className="chip-flag chip-flag-check">
                      {t('aq.sample.failed', { checks: c.failedChecks.map(checkLabel).join(', ') })}
                    </span>
                  )}
                  {c.claimed && <span className="chip-flag">{t('qa.sample.claimed')}</span>}
                  {c.evaluationIds.length > 0
                    ? t('qa.sample.evaluated')
                    : c.assignedTo
                      ? t('qa.sample.assignedTo', { monitor: names.user(c.assignedTo) })
                      : t('qa.sample.unassigned')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
