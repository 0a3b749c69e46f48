import type { EvaluationDetail } from '../../../../schemas/evaluations.ts';
import { useNames } from '../../api/names.ts';
import { useClock } from '../../clock.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** Every dispute of the evaluation: who opened it and why, who decided it, and the score's change. */
export function DisputeHistory({ evaluation, fmt }: { evaluation: EvaluationDetail; fmt: Formatters }) {
  const t = useT();
  const dt = useClock();
  const names = useNames();
  return (
    <section className="card" aria-labelledby="disputes-title">
      <header className="card-header">
        <h2 className="card-title" id="disputes-title">
          {t('qa.disputeHistory')}
        </h2>
        <span className="card-meta">{t('time.zone', { zone: dt.zone })}</span>
      </header>
      <div className="card-body">
        <ol className="version-list">
          {evaluation.disputes.map((d) => (
            <li key={d.id}>
              <span className="version-name">
                {d.level >= 2 ? t('ap.level.2') : t('ap.level.1')} · {t(`qa.dispute.status.${d.status}`)}
              </span>
              <span className="cell-muted">
                {t('qa.dispute.opened', { user: names.user(d.openedBy), date: dt.dateTime(d.openedAt) })}
              </span>
              <span className="version-note">{t('qa.dispute.reasonShown', { reason: d.reason })}</span>
              {d.decidedAt && (
                <span className="version-note">
                  {t('qa.dispute.decided', {
                    user: names.user(d.decidedBy),
                    date: dt.dateTime(d.decidedAt),
                    note: d.decisionNote ?? '',
                  })}
                  {d.status === 'revised' &&
                    ` ${t('qa.dispute.scoreChange', {
                      before: d.scoreBefore === null ? '—' : fmt.decimal(d.scoreBefore, 2),
                      after: d.scoreAfter === null ? '—' : fmt.decimal(d.scoreAfter, 2),
                    })}`}
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
