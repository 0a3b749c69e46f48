import type {
  CoachingGoal,
  CoachingStatus,
  CoachingView,
  GoalMeasure,
} from '../../../../schemas/coaching.ts';
import { METRICS, type Unit } from '../../../../schemas/criteria.ts';
import { useCheckLabels } from '../../api/autoqa.ts';
import { useForm } from '../../api/qa.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { formatValue } from '../../metric-format.ts';
import { message } from '../../metrics.ts';

/** The class of each status's badge: the colours the QA pages use for open, late and done work. */
export const STATUS_BADGE: Record<CoachingStatus, string> = {
  due: 'badge badge-open',
  overdue: 'badge badge-warn',
  met: 'badge badge-locked',
  missed: 'badge badge-danger',
};

export function CoachingStatusBadge({ status }: { status: CoachingStatus }) {
  const t = useT();
  return (
    <span className={STATUS_BADGE[status]} data-status={status}>
      {t(`coaching.status.${status}`)}
    </span>
  );
}

/** What the goal names, in the user's language: a criterion, an AutoQA check or a form's question. */
export function GoalLabel({ goal, period }: { goal: CoachingGoal; period?: string | null }) {
  const t = useT();
  const checks = useCheckLabels(goal.kind === 'check' ? (period ?? null) : null, goal.kind === 'check');
  const form = useForm(goal.kind === 'question' ? goal.formId : null);
  switch (goal.kind) {
    case 'criterion': {
      const m = METRICS.find((x) => x.key === goal.key);
      return <>{m ? t(message(m.label)) : goal.key}</>;
    }
    case 'check':
      return <>{t('coaching.goal.checkOf', { check: checks.label(goal.key) })}</>;
    case 'question': {
      const q = form.data?.form.definition.sections
        .flatMap((s) => s.questions)
        .find((x) => x.id === goal.questionId);
      return (
        <>
          {t('coaching.goal.questionOf', {
            question: q?.text ?? goal.questionId,
            form: form.data?.form.name ?? '',
          })}
        </>
      );
    }
  }
}

/** A goal's value written by its unit: a criterion's own, a pass rate as a percentage. */
export function goalValue(v: number | null, unit: string, fmt: Formatters): string {
  return v === null ? '—' : formatValue(v, unit as Unit, fmt, 'figure');
}

/** `≥ 80.0%` or `≤ 2`: the target with the direction it is to be reached from. */
export function targetText(s: Pick<CoachingView, 'target' | 'progress'>, fmt: Formatters): string {
  return `${s.progress.direction === 'higher' ? '≥' : '≤'} ${goalValue(s.target, s.progress.unit, fmt)}`;
}

/** The measure before and after the session, side by side, with the target. */
export function ProgressFigures({ session, fmt }: { session: CoachingView; fmt: Formatters }) {
  const t = useT();
  const p = session.progress;
  const figure = (label: string, m: GoalMeasure, testId: string) => (
    <div className="kpi" data-testid={testId}>
      <span className="kpi-label">{label}</span>
      <span className="kpi-value">{goalValue(m.value, p.unit, fmt)}</span>
      <span className="kpi-hint">
        {fmt.dayRange(m.from, m.to)}
        {m.n !== null && ` · ${t('coaching.progress.n', { count: m.n })}`}
      </span>
    </div>
  );
  return (
    <section className="kpi-grid kpi-grid-3" aria-label={t('coaching.progress.title')}>
      {figure(t('coaching.progress.before'), p.before, 'progress-before')}
      {figure(t('coaching.progress.after'), p.after, 'progress-after')}
      <div className="kpi" data-testid="progress-target">
        <span className="kpi-label">{t('coaching.progress.target')}</span>
        <span className="kpi-value">{targetText(session, fmt)}</span>
        <span className="kpi-hint">
          {p.meetsTarget === null
            ? t('coaching.progress.unmeasured')
            : p.meetsTarget
              ? t('coaching.progress.reached')
              : t('coaching.progress.notReached')}
        </span>
      </div>
    </section>
  );
}
