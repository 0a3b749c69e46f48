import { useId, useState } from 'react';
import type { PayPeriodView } from '../../../../schemas/scorecard.ts';
import { useNames } from '../../api/names.ts';
import { exportUrl, useApprovePeriod, useReopenPeriod } from '../../api/payroll.ts';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** The period's state, and what the user's role may do with it: approve, re-open, export. */
export function PeriodActions({ view, fmt }: { view: PayPeriodView; fmt: Formatters }) {
  const t = useT();
  const { user } = useSession();
  const clock = useClock();
  const names = useNames();
  const reasonId = useId();
  const approve = useApprovePeriod();
  const reopen = useReopenPeriod();
  const [confirming, setConfirming] = useState<'approve' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const approved = view.status === 'approved';
  const canApprove = user.role === 'payroll' && !approved;
  const canReopen = user.role === 'admin' && approved;
  const canExport = user.role === 'payroll' || user.role === 'admin';
  const failure = approve.error ?? reopen.error;

  let hint: string;
  if (approved && view.approvedAt) {
    hint = t('payroll.status.approvedHint', {
      date: clock.withZone(clock.dateTime(view.approvedAt)),
      user: names.user(view.approvedBy),
    });
  } else if (view.reopenedAt) {
    hint = t('payroll.status.reopenedHint', {
      date: clock.withZone(clock.dateTime(view.reopenedAt)),
      user: names.user(view.reopenedBy),
      reason: view.reopenReason ?? '',
    });
  } else hint = t('payroll.status.openHint');

  return (
    <section className="card period-bar" aria-label={t('payroll.period')}>
      <div className="period-state">
        <span className={approved ? 'badge badge-locked' : 'badge badge-open'}>
          {t(approved ? 'payroll.status.approved' : 'payroll.status.open')}
        </span>
        <span className="period-hint">{hint}</span>
      </div>
      <div className="period-buttons">
        {canExport && (
          <div className="button-group">
            <span className="button-group-label">{t('payroll.export')}</span>
            <a className="button button-secondary button-small" href={exportUrl(view.period, 'csv')} download>
              {t('payroll.export.csv')}
            </a>
            <a
              className="button button-secondary button-small"
              href={exportUrl(view.period, 'csv', ';', ',')}
              download
            >
              {t('payroll.export.csvEurope')}
            </a>
            <a
              className="button button-secondary button-small"
              href={exportUrl(view.period, 'xlsx')}
              download
            >
              {t('payroll.export.xlsx')}
            </a>
          </div>
        )}
        {canApprove && confirming !== 'approve' && (
          <button
            type="button"
            className="button button-primary button-small"
            onClick={() => setConfirming('approve')}
          >
            {t('payroll.approve')}
          </button>
        )}
        {canReopen && confirming !== 'reopen' && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setConfirming('reopen')}
          >
            {t('payroll.reopen')}
          </button>
        )}
      </div>
      {confirming === 'approve' && canApprove && (
        <div className="confirm" role="alertdialog" aria-label={t('payroll.approve')}>
          <p>{t('payroll.approve.confirm', { period: fmt.period(view.period) })}</p>
          <div className="confirm-buttons">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={approve.isPending}
              onClick={() => approve.mutate(view.period, { onSuccess: () => setConfirming(null) })}
            >
              {approve.isPending ? t('payroll.approving') : t('payroll.approve.yes')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setConfirming(null)}
            >
              {t('payroll.cancel')}
            </button>
          </div>
        </div>
      )}
      {confirming === 'reopen' && canReopen && (
        <form
          className="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            reopen.mutate(
              { period: view.period, reason: reason.trim() },
              {
                onSuccess: () => {
                  setConfirming(null);
                  setReason('');
                },
              },
            );
          }}
        >
          <label className="field-label" htmlFor={reasonId}>
            {t('payroll.reopen.reason')}
          </label>
          <textarea
            id={reasonId}
            className="input"
            rows={2}
            required
            minLength={5}
            placeholder={t('payroll.reopen.placeholder')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="confirm-buttons">
            <button
              type="submit"
              className="button button-primary button-small"
              disabled={reopen.isPending || reason.trim().length < 5}
            >
              {t('payroll.reopen.yes')}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setConfirming(null)}
            >
              {t('payroll.cancel')}
            </button>
          </div>
        </form>
      )}
      <FormFeedback error={failure} />
    </section>
  );
}
