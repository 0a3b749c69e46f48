import { useAutoqaJob } from '../api/autoqa.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';

/**
 * AutoQA's background re-checks, while they run: the month, the calls checked of its total and
 * the months still waiting. Nothing when idle (the rules page and the imports page show it).
 */
export function AutoqaJobBar() {
  const t = useT();
  const fmt = useFormat();
  const job = useAutoqaJob().data?.job;
  if (job?.state !== 'running') return null;
  const label = job.month
    ? t('autoqa.job.month', {
        month: fmt.period(job.month),
        done: fmt.integer(job.done),
        total: fmt.integer(job.total),
      })
    : t('autoqa.job.looking');
  return (
    <div className="job-progress autoqa-job" role="status">
      <span>{label}</span>
      <progress
        max={Math.max(job.total, 1)}
        value={job.month ? job.done : undefined}
        aria-label={t('autoqa.job.title')}
      />
      {job.waiting.length > 0 && (
        <span className="card-meta">{t('autoqa.job.waiting', { months: job.waiting.join(', ') })}</span>
      )}
    </div>
  );
}
