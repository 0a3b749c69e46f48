import { Link } from 'react-router';
import type { CoachingSource } from '../../../../schemas/coaching.ts';
import { useCan } from '../../auth/access.tsx';
import { useT } from '../../i18n/index.ts';

export interface CoachingPrefill {
  operator: string;
  source: CoachingSource;
  ref?: string | null;
  calls?: readonly string[];
  findings?: readonly string[];
  check?: string;
  criterion?: string;
  form?: number | null;
  question?: string;
}

/** The new-session page prefilled with what it is opened from. */
export function coachingPath(p: CoachingPrefill): string {
  const q = new URLSearchParams({ operator: p.operator, source: p.source });
  if (p.ref) q.set('ref', p.ref);
  for (const c of p.calls ?? []) q.append('call', c);
  for (const f of p.findings ?? []) q.append('finding', f);
  if (p.check) q.set('check', p.check);
  if (p.criterion) q.set('criterion', p.criterion);
  if (p.form != null) q.set('form', String(p.form));
  if (p.question) q.set('question', p.question);
  return `/coaching/new?${q.toString()}`;
}

/** "Coaching session": shown only to whom may open one (heads and QA leads). */
export function OpenCoachingLink({ prefill, label }: { prefill: CoachingPrefill; label?: string }) {
  const t = useT();
  if (!useCan('coaching.manage')) return null;
  return (
    <Link
      className="button button-secondary button-small"
      to={coachingPath(prefill)}
      aria-label={label}
      data-testid="open-coaching"
    >
      {t('coaching.new.button')}
    </Link>
  );
}
