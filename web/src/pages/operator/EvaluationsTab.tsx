import { Link } from 'react-router';
import { useOperatorEvaluations } from '../../api/dashboard.ts';
import { useNames } from '../../api/names.ts';
import { useT } from '../../i18n/index.ts';
import { callHref, type TabProps } from './activity-tabs.ts';
import { ListState } from './ListState.tsx';
import { codeLabel } from './labels.ts';

/** The month's evaluations of his calls, with their scores. */
export function EvaluationsTab({ operatorId, period, fmt, when }: TabProps) {
  const t = useT();
  const names = useNames();
  const q = useOperatorEvaluations(operatorId, period, true);
  return (
    <ListState q={q} empty={(d) => d.evaluations.length === 0}>
      {(d) => (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('opPage.col.callDate')}</th>
              <th scope="col">{t('opPage.col.form')}</th>
              <th scope="col">{t('opPage.col.evaluator')}</th>
              <th scope="col">{t('opPage.col.status')}</th>
              <th scope="col" className="num">
                {t('opPage.col.score')}
              </th>
              <th scope="col">{t('opPage.col.call')}</th>
            </tr>
          </thead>
          <tbody>
            {d.evaluations.map((e) => (
              <tr key={e.id}>
                <td>{e.callStartedAt ? when(e.callStartedAt) : t('kpi.none')}</td>
                <td>
                  {e.formName
                    ? t('opPage.formVersion', { name: e.formName, version: e.formVersion ?? 1 })
                    : t('opPage.imported')}
                </td>
                <td className="cell-muted">{names.user(e.evaluator)}</td>
                <td>{codeLabel(t, 'evaluationStatus', e.status)}</td>
                <td className="num">
                  {e.score === null ? t('kpi.none') : fmt.decimal(e.score, 2)}
                  {e.criticalFailed && <span className="badge badge-muted">{t('opPage.critical')}</span>}
                </td>
                <td>
                  <Link to={callHref(e.callId)}>{e.callId}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ListState>
  );
}
