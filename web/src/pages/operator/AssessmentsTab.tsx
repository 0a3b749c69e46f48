import { useOperatorAssessments } from '../../api/dashboard.ts';
import { useNames } from '../../api/names.ts';
import { useT } from '../../i18n/index.ts';
import type { TabProps } from './activity-tabs.ts';
import { ListState } from './ListState.tsx';
import { codeLabel } from './labels.ts';

/** The month's assessments of his work. */
export function AssessmentsTab({ operatorId, period, when }: TabProps) {
  const t = useT();
  const names = useNames();
  const q = useOperatorAssessments(operatorId, period, true);
  return (
    <ListState q={q} empty={(d) => d.assessments.length === 0}>
      {(d) => (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('opPage.col.assessed')}</th>
              <th scope="col">{t('opPage.col.polarity')}</th>
              <th scope="col">{t('opPage.col.author')}</th>
              <th scope="col">{t('opPage.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {d.assessments.map((a) => (
              <tr key={a.assessmentId}>
                <td>{when(a.assessedAt)}</td>
                <td>
                  <span className={a.polarity === 'negative' ? 'deducted' : undefined}>
                    {codeLabel(t, 'polarity', a.polarity)}
                  </span>
                </td>
                <td className="cell-muted">{a.author ? names.user(a.author) : t('kpi.none')}</td>
                <td className="cell-wrap">{a.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListState>
  );
}
