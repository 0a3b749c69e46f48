import type { DisputesReportResponse } from '../../../../schemas/graders.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { EmptyState } from '../../components/states.tsx';
import { useFormat } from '../../format.ts';
import { useT } from '../../i18n/index.ts';

/** The disputes report: per monitor (disputed, appealed, revised) and per form question. */
export function DisputesReportCards({ report }: { report: DisputesReportResponse }) {
  const t = useT();
  const fmt = useFormat();
  const pct = (v: number | null) => (v === null ? '—' : fmt.percent(v, 1));
  return (
    <>
      <Card id="disputes-by-monitor-title" title={t('gr.report.byMonitor')}>
        {report.byMonitor.length === 0 ? (
          <EmptyState title={t('gr.report.none')}>{t('gr.empty.body')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="disputes-by-monitor">
              <ColumnHeads
                columns={[
                  t('gr.col.monitor'),
                  { label: t('gr.col.evaluations'), num: true },
                  { label: t('gr.col.disputed'), num: true },
                  { label: t('gr.col.appealed'), num: true },
                  { label: t('gr.col.revised'), num: true },
                ]}
              />
              <tbody>
                {report.byMonitor.map((m) => (
                  <tr key={m.monitor}>
                    <td className="cell-name">{m.displayName}</td>
                    <td className="num">{fmt.integer(m.evaluations)}</td>
                    <td className="num">
                      {fmt.integer(m.disputed)}
                      <span className="cell-sub">{pct(m.disputedShare)}</span>
                    </td>
                    <td className="num">{fmt.integer(m.appealed)}</td>
                    <td className="num">
                      {fmt.integer(m.revised)}
                      <span className="cell-sub">{pct(m.revisedShare)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card id="disputes-by-question-title" title={t('gr.report.byQuestion')}>
        {report.byQuestion.length === 0 ? (
          <EmptyState title={t('gr.report.noQuestions')}>{t('gr.report.noQuestionsBody')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table" data-testid="disputes-by-question">
              <ColumnHeads
                columns={[
                  t('gr.col.question'),
                  { label: t('gr.col.disputedCount'), num: true },
                  { label: t('gr.col.revisedCount'), num: true },
                ]}
              />
              <tbody>
                {report.byQuestion.map((q) => (
                  <tr key={`${q.formName}/${q.questionId}`}>
                    <td>
                      {q.text}
                      <span className="cell-sub">{q.formName}</span>
                    </td>
                    <td className="num">{fmt.integer(q.disputed)}</td>
                    <td className="num">{fmt.integer(q.revised)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
