import { useOperatorClaims } from '../../api/dashboard.ts';
import { useT } from '../../i18n/index.ts';
import type { TabProps } from './activity-tabs.ts';
import { CallLink } from './CallLink.tsx';
import { ListState } from './ListState.tsx';
import { codeLabel } from './labels.ts';

/** The claims counted in the month, and where they came from. */
export function ClaimsTab({ operatorId, period, fmt, when }: TabProps) {
  const t = useT();
  const q = useOperatorClaims(operatorId, period, true);
  return (
    <ListState q={q} empty={(d) => d.claims.length === 0}>
      {(d) => (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('opPage.col.received')}</th>
              <th scope="col">{t('opPage.col.source')}</th>
              <th scope="col">{t('opPage.col.status')}</th>
              <th scope="col">{t('opPage.col.countedIn')}</th>
              <th scope="col">{t('opPage.col.description')}</th>
              <th scope="col">{t('opPage.col.call')}</th>
            </tr>
          </thead>
          <tbody>
            {d.claims.map((c) => (
              <tr key={c.claimId}>
                <td>{when(c.receivedAt)}</td>
                <td>
                  {c.division
                    ? t('opPage.sourceDivision', {
                        source: codeLabel(t, 'source', c.source),
                        division: c.division,
                      })
                    : codeLabel(t, 'source', c.source)}
                </td>
                <td>{codeLabel(t, 'claimStatus', c.status)}</td>
                <td>{c.countedIn ? fmt.period(c.countedIn) : t('kpi.none')}</td>
                <td className="cell-wrap">{c.description ?? ''}</td>
                <td>{c.callId ? <CallLink id={c.callId} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListState>
  );
}
