import type { CalibrationResults } from '../../../../schemas/calibration.ts';
import { useNames } from '../../api/names.ts';
import { Card } from '../../components/Card.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { answerLabel, isOdd, lowAgreement } from './calibration.ts';

/** Question by question, each monitor's answer, the odd ones marked, and the share who agreed. */
export function AgreementCard({ r }: { r: CalibrationResults }) {
  const t = useT();
  const fmt = useFormat();
  const names = useNames();
  const monitors = r.monitors.map((m) => m.monitor);
  return (
    <Card
      id="agreement-title"
      title={t('qa.results.agreement')}
      meta={<span className="card-meta">{t('qa.results.agreementHint')}</span>}
    >
      <div className="table-scroll">
        <table className="data-table agreement-table">
          <thead>
            <tr>
              <th scope="col">{t('qa.col.question')}</th>
              {monitors.map((m) => (
                <th key={m} scope="col">
                  {names.user(m)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('qa.col.agreement')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.questions.map((q) => (
              <tr key={q.questionId}>
                <th scope="row" className="cell-name wrap">
                  {q.text}
                </th>
                {monitors.map((m) => {
                  const a = answerLabel(q.answers[m]);
                  return (
                    <td key={m} className={isOdd(q, m) ? 'answer-odd' : 'cell-muted'}>
                      {'key' in a ? t(a.key) : a.text}
                    </td>
                  );
                })}
                <td className="num">
                  <span className={lowAgreement(q.agreement) ? 'delta-down' : undefined}>
                    {fmt.percent(q.agreement, 0)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
