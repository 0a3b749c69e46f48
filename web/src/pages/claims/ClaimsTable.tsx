import { useId, useState } from 'react';
import type { ClaimView } from '../../../../schemas/claims.ts';
import { useDecideClaim } from '../../api/claims.ts';
import { useClock } from '../../clock.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { OpenCoachingLink } from '../coaching/OpenCoachingLink.tsx';

function Decide({ claim, onDone }: { claim: ClaimView; onDone(): void }) {
  const t = useT();
  const id = useId();
  const decide = useDecideClaim();
  const [note, setNote] = useState('');
  const go = (status: 'justified' | 'rejected') =>
    decide.mutate({ claimId: claim.claimId, status, note }, { onSuccess: onDone });
  return (
    <div className="decide">
      <label className="visually-hidden" htmlFor={id}>
        {t('claims.decide.reason')}
      </label>
      <input
        id={id}
        className="input input-small"
        placeholder={t('claims.decide.placeholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button
        type="button"
        className="button button-danger button-small"
        disabled={decide.isPending || note.trim().length < 3}
        onClick={() => go('justified')}
      >
        {t('claims.decide.justified')}
      </button>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={decide.isPending || note.trim().length < 3}
        onClick={() => go('rejected')}
      >
        {t('claims.decide.rejected')}
      </button>
      <FormFeedback error={decide.error} inline />
    </div>
  );
}

/** Imported and registered claims in one list; open ones can be judged in place. */
export function ClaimsTable({
  claims,
  fmt,
  canDecide,
}: {
  claims: readonly ClaimView[];
  fmt: Formatters;
  canDecide: boolean;
}) {
  const t = useT();
  const clock = useClock();
  const [judging, setJudging] = useState<string | null>(null);
  return (
    <div className="table-scroll">
      <table className="data-table claims-table">
        <thead>
          <tr>
            <th scope="col">{t('claims.col.received')}</th>
            <th scope="col">{t('claims.col.operator')}</th>
            <th scope="col">{t('claims.col.from')}</th>
            <th scope="col">{t('claims.col.description')}</th>
            <th scope="col">{t('claims.col.status')}</th>
            <th scope="col">{t('claims.col.decision')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.claimId}>
              <td>
                {clock.date(c.receivedAt)}
                <span className="cell-sub">
                  {c.claimId} · {t(c.origin === 'manual' ? 'claims.origin.manual' : 'claims.origin.import')}
                </span>
              </td>
              <th scope="row" className="cell-name">
                {c.operatorName ?? c.operatorId}
                <span className="cell-sub">{c.operatorId}</span>
              </th>
              <td>
                {t(c.source === 'client' ? 'claims.source.client' : 'claims.source.internal')}
                {c.division && <span className="cell-sub">{c.division}</span>}
              </td>
              <td className="cell-wrap">
                {c.description}
                {(c.callId || c.orderId) && (
                  <span className="cell-sub">
                    {[
                      c.callId && t('claims.linked', { call: c.callId }),
                      c.orderId && t('claims.linkedOrder', { order: c.orderId }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </td>
              <td>
                <span className={`badge badge-claim-${c.status}`}>{t(`claims.status.${c.status}`)}</span>
                {c.status === 'open' && c.ageDays !== null && (
                  <span className="cell-sub">
                    {c.ageDays === 0 ? t('claims.ageToday') : t('claims.age', { days: c.ageDays })}
                  </span>
                )}
                {c.payPeriod && (
                  <span className="cell-sub">{t('claims.paidIn', { period: fmt.period(c.payPeriod) })}</span>
                )}
                {c.status === 'justified' && (
                  <OpenCoachingLink
                    prefill={{
                      operator: c.operatorId,
                      source: 'claim',
                      ref: c.claimId,
                      calls: c.callId ? [c.callId] : [],
                      findings: c.description ? [c.description] : [],
                      criterion: c.source === 'client' ? 'clientClaims' : 'internalClaims',
                    }}
                  />
                )}
              </td>
              <td className="cell-wrap">
                {c.status === 'open' ? (
                  canDecide &&
                  (judging === c.claimId ? (
                    <Decide claim={c} onDone={() => setJudging(null)} />
                  ) : (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => setJudging(c.claimId)}
                    >
                      {t('claims.decide')}
                    </button>
                  ))
                ) : (
                  <>
                    {c.decisionNote ?? '—'}
                    {c.decidedAt && <span className="cell-sub">{clock.date(c.decidedAt)}</span>}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
