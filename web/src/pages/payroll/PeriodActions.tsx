import { useId, useState } from 'react';
import { currentMonth } from '../../../../core/time.ts';
import { monthRange } from '../../../../schemas/period.ts';
import { can } from '../../../../schemas/policy.ts';
import type { PayPeriodView, ScorecardRow } from '../../../../schemas/scorecard.ts';
import { useNames } from '../../api/names.ts';
import { exportUrl, useApprovePeriod, useReopenPeriod } from '../../api/payroll.ts';
import { useSession } from '../../auth/session.tsx';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { useCompanyTimeZone } from '../../components/usePeriodParam.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/**
 * The period's state, and what the user's role may do with it: approve, re-open, export. `rows`
 * are the month's scorecards: approving asks to confirm, one by one, the operators they show with
 * no variable base, and the server takes exactly that list.
 */
export function PeriodActions({
  view,
  rows,
  fmt,
}: {
  view: PayPeriodView;
  rows: readonly ScorecardRow[] | undefined;
  fmt: Formatters;
}) {
  const t = useT();
  const { user } = useSession();
  const clock = useClock();
  const names = useNames();
  const reasonId = useId();
  const approve = useApprovePeriod();
  const reopen = useReopenPeriod();
  const timeZone = useCompanyTimeZone();
  const [confirming, setConfirming] = useState<'approve' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const approved = view.status === 'approved';
  // A month is approved once it has ended in the company zone; the server refuses it before.
  const running = timeZone !== undefined && view.period >= currentMonth(new Date(), timeZone);
  const missing = (rows ?? []).filter((r) => r.scorecard.variableBase === null);
  const allConfirmed = missing.every((r) => confirmed.has(r.scorecard.operatorId));
  const toggle = (id: string, on: boolean) =>
    setConfirmed((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const canApprove = can(user.role, 'payroll.approve') && !approved;
  const canReopen = can(user.role, 'payroll.reopen') && approved;
  const canExport = can(user.role, 'payroll.export');
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
  } else if (running) {
    hint = t('payroll.approve.notEnded', { date: fmt.dayLong(monthRange(view.period).to) });
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
            disabled={running || rows === undefined}
            onClick={() => {
              setConfirmed(new Set());
              setConfirming('approve');
            }}
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
          {missing.length > 0 && (
            <fieldset className="confirm-missing">
              <legend>
                {t('payroll.approve.missingBases', {
                  count: fmt.integer(missing.length),
                  period: fmt.period(view.period),
                })}
              </legend>
              <ul>
                {missing.map((r) => (
                  <li key={r.scorecard.operatorId}>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={confirmed.has(r.scorecard.operatorId)}
                        onChange={(e) => toggle(r.scorecard.operatorId, e.target.checked)}
                      />
                      {r.name} <span className="cell-muted">{r.scorecard.operatorId}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div className="confirm-buttons">
            <button
              type="button"
              className="button button-primary button-small"
              disabled={approve.isPending || !allConfirmed}
              onClick={() =>
                approve.mutate(
                  {
                    period: view.period,
                    confirmMissingBases: missing.map((r) => r.scorecard.operatorId),
                  },
                  { onSuccess: () => setConfirming(null) },
                )
              }
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
