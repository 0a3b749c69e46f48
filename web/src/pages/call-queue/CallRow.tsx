import type { CallListItem } from '../../../../schemas/calls.ts';
import { useNames } from '../../api/names.ts';
import type { Clock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { CallLink } from '../qa/shared.tsx';
import { FailedChecks } from './FailedChecks.tsx';

/**
 * A call of the search: its id (a link), start, operator, type, talk time, outcome, evaluations and
 * the AutoQA checks it failed.
 */
export function CallRow({
  c,
  fmt,
  dt,
  lead,
  checked,
  onCheck,
  checkLabel,
}: {
  c: CallListItem;
  fmt: Formatters;
  dt: Clock;
  lead: boolean;
  checked: boolean;
  onCheck(on: boolean): void;
  checkLabel(key: string): string;
}) {
  const t = useT();
  const names = useNames();
  return (
    <tr>
      {lead && (
        <td>
          <input
            type="checkbox"
            checked={checked}
            aria-label={t('qa.search.selectCall', { id: c.callId })}
            onChange={(e) => onCheck(e.target.checked)}
          />
        </td>
      )}
      <td>
        <CallLink callId={c.callId} />
      </td>
      <td className="cell-muted">{dt.short(c.startedAt)}</td>
      <td className="cell-name">
        {c.operatorName ?? '—'}
        {c.teamId && <span className="cell-sub">{names.team(c.teamId)}</span>}
      </td>
      <td className="cell-muted">
        {t(`qa.direction.${c.direction as 'inbound'}`)}
        {c.taskType && ` · ${t(`qa.task.${c.taskType as 'order'}`)}`}
      </td>
      <td className="num">{c.talkS === null ? '—' : fmt.duration(c.talkS)}</td>
      <td className="cell-muted">{t(`qa.disposition.${c.disposition as 'answered'}`)}</td>
      <td className="num">
        {c.evaluations > 0 ? fmt.integer(c.evaluations) : <span className="cell-muted">—</span>}
      </td>
      <td className="wrap">
        <FailedChecks failed={c.failedChecks} label={checkLabel} />
      </td>
    </tr>
  );
}
