import { Link } from 'react-router';
import { pbxCallId } from '../../../../core/pbx-call-id.ts';
import type { EvaluationStatus } from '../../../../schemas/evaluations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PeriodSelect } from '../../components/PeriodSelect.tsx';
import { LoadingRegion, Skeleton } from '../../components/states.tsx';
import { type Formatters, useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** A QA page's title row: its title, what it shows of the month (or that none is chosen yet), the month picker. */
export function PeriodPageHeader({
  title,
  subtitle,
  periods,
  period,
  setPeriod,
}: {
  title: string;
  subtitle(month: string): string;
  periods: readonly string[];
  period: string | null;
  setPeriod(month: string): void;
}) {
  const t = useT();
  const fmt = useFormat();
  return (
    <PageHeader
      title={title}
      subtitle={period ? subtitle(fmt.period(period)) : t('qa.queue.subtitleNone')}
      filters={
        <PeriodSelect
          label={t('qa.period')}
          period={period}
          periods={periods}
          onChange={setPeriod}
          fmt={fmt}
        />
      }
    />
  );
}

/** A workspace page (a call, an evaluation) while its record loads: the title, the side, the main column. */
export function WorkspaceSkeleton({ mainHeight }: { mainHeight: number }) {
  const t = useT();
  return (
    <LoadingRegion label={t('app.loading')}>
      <div className="page">
        <Skeleton width={320} height={28} />
        <div className="workspace">
          <Skeleton height={420} />
          <Skeleton height={mainHeight} />
        </div>
      </div>
    </LoadingRegion>
  );
}

const STATUS_CLASS: Record<EvaluationStatus, string> = {
  draft: 'badge badge-neutral',
  submitted: 'badge badge-open',
  acknowledged: 'badge badge-locked',
  disputed: 'badge badge-warn',
  upheld: 'badge badge-locked',
  revised: 'badge badge-locked',
};

export function StatusBadge({ status }: { status: EvaluationStatus }) {
  const t = useT();
  return <span className={STATUS_CLASS[status]}>{t(`qa.status.${status}`)}</span>;
}

/** A score out of 100 with one colour per band, and the critical failure beside it. */
export function Score({
  score,
  critical,
  fmt,
}: {
  score: number | null;
  critical?: boolean;
  fmt: Formatters;
}) {
  const t = useT();
  if (score === null) return <span className="cell-muted">—</span>;
  const band = score >= 80 ? 'score-good' : score >= 60 ? 'score-mid' : 'score-low';
  return (
    <span className="score">
      <span className={`score-value ${band}`}>{fmt.decimal(score, 2)}</span>
      {critical && (
        <span className="badge badge-danger" title={t('qa.criticalFailed')}>
          {t('qa.critical')}
        </span>
      )}
    </span>
  );
}

/** A link to a call, with its id in a fixed-width face. */
export function CallLink({ callId }: { callId: string }) {
  const t = useT();
  // A call of a named PBX (`NAME:uniqueid`): the PBX as a tag, then its own id.
  const pbx = pbxCallId(callId);
  return (
    <Link className="call-link" to={`/calls/${encodeURIComponent(callId)}`}>
      {pbx?.source ? (
        <>
          <span className="pbx-tag" title={t('pbx.sourceOf', { source: pbx.source })}>
            {pbx.source}
          </span>
          {pbx.uniqueId}
        </>
      ) : (
        callId
      )}
    </Link>
  );
}

/** A progress bar with its figures. */
export function Progress({ done, total, label }: { done: number; total: number; label: string }) {
  const share = total > 0 ? done / total : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
    >
      <span className="progress-bar" style={{ width: `${Math.round(share * 100)}%` }} />
    </div>
  );
}

/** +1.5 / −2.0 / 0.0: a deviation with its sign. */
export function signed(fmt: Formatters, n: number, digits = 1): string {
  return new Intl.NumberFormat(fmt.locale, {
    signDisplay: 'exceptZero',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(n);
}
