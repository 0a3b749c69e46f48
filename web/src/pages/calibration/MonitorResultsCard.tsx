import { Link } from 'react-router';
import type { MonitorResult } from '../../../../schemas/calibration.ts';
import { useNames } from '../../api/names.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { signed } from '../qa/shared.tsx';
import { deviationClass } from './calibration.ts';

/** Each monitor's score in a closed session and how far it lies from the basis. */
export function MonitorResultsCard({ monitors }: { monitors: MonitorResult[] }) {
  const t = useT();
  const fmt = useFormat();
  const names = useNames();
  return (
    <Card id="monitors-title" title={t('qa.results.monitors')}>
      <div className="table-scroll">
        <table className="data-table">
          <ColumnHeads
            columns={[
              t('qa.col.monitor'),
              { label: t('qa.col.score'), num: true },
              { label: t('qa.col.deviation'), num: true },
              t('qa.col.evaluation'),
            ]}
          />
          <tbody>
            {monitors.map((m) => (
              <tr key={m.monitor}>
                <td className="cell-name">
                  {names.user(m.monitor)}
                  {m.reference && (
                    <span className="badge badge-muted">{t('qa.calibration.referenceBadge')}</span>
                  )}
                </td>
                <td className="num">
                  {fmt.decimal(m.score, 2)}
                  {m.criticalFailed && (
                    <span className="badge badge-danger badge-small">{t('qa.critical')}</span>
                  )}
                </td>
                <td className="num">
                  <span className={deviationClass(m.deviation)}>{signed(fmt, m.deviation, 2)}</span>
                </td>
                <td>
                  <Link to={`/evaluations/${encodeURIComponent(m.evaluationId)}`}>{m.evaluationId}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
