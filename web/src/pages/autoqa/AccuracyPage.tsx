import { useState } from 'react';
import { Link } from 'react-router';
import type { AccuracyCell, AccuracyResponse } from '../../../../schemas/autoqa.ts';
import { useAutoqaAccuracy } from '../../api/autoqa.ts';
import { usePeriods } from '../../api/hooks.ts';
import { useNames } from '../../api/names.ts';
import { Card } from '../../components/Card.tsx';
import { ColumnHeads } from '../../components/ColumnHeads.tsx';
import { EmptyState, ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { usePeriodParam } from '../../components/usePeriodParam.ts';
import { type Formatters, useFormat } from '../../format.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { PeriodPageHeader } from '../qa/shared.tsx';
import { ALL, languageName } from './accuracy.ts';

/**
 * AutoQA measured against the monitors (QA lead, head, administrator): per check, on the calls a
 * person and AutoQA both scored, how often they agree, precision and recall with "fail" as the
 * positive class, the confusion counts, and every call where they disagree.
 */
export default function AccuracyPage() {
  const t = useT();
  const fmt = useFormat();
  useDocumentTitle(t('aq.accuracy.title'));
  const periodsQuery = usePeriods();
  const periods = periodsQuery.data?.periods ?? [];
  const { period, setPeriod } = usePeriodParam(periodsQuery.data?.periods);
  const accuracy = useAutoqaAccuracy(period);
  const data = accuracy.data;
  const error = periodsQuery.error ?? accuracy.error;

  return (
    <div className="page">
      <PeriodPageHeader
        title={t('aq.accuracy.title')}
        subtitle={(month) => t('aq.accuracy.subtitle', { period: month })}
        periods={periods}
        period={period}
        setPeriod={setPeriod}
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void periodsQuery.refetch();
            void accuracy.refetch();
          }}
        />
      ) : periodsQuery.data && periods.length === 0 ? (
        <EmptyState title={t('qa.noPeriods.title')}>{t('qa.noPeriods.body')}</EmptyState>
      ) : !data ? (
        <LoadingRegion label={t('app.loading')}>
          <Skeleton height={320} />
        </LoadingRegion>
      ) : (
        <>
          <p className="aq-positive" data-testid="positive-class">
            {t('aq.accuracy.positive')}
          </p>
          <ChecksCard data={data} fmt={fmt} />
          <DisagreementsCard data={data} />
        </>
      )}
    </div>
  );
}

function ChecksCard({ data, fmt }: { data: AccuracyResponse; fmt: Formatters }) {
  const t = useT();
  const language = useLanguage();
  const [tab, setTab] = useState<string>(ALL);
  const shown = tab === ALL || data.languages.includes(tab) ? tab : ALL;
  const rows = data.checks.flatMap((c) => {
    const cell = shown === ALL ? c.all : c.byLanguage[shown];
    return cell ? [{ key: c.key, label: c.labels[language as 'en'] ?? c.labels.en, cell }] : [];
  });
  return (
    <Card
      id="accuracy-checks-title"
      title={t('aq.accuracy.checks')}
      meta={
        <span className="card-meta">
          {t('aq.accuracy.compared', { count: data.evaluations, version: data.rulesVersion })}
        </span>
      }
    >
      {data.checks.length === 0 ? (
        <EmptyState title={t('aq.accuracy.empty.title')}>{t('aq.accuracy.empty.body')}</EmptyState>
      ) : (
        <>
          <div className="tabs aq-tabs" role="tablist" aria-label={t('aq.accuracy.languages')}>
            {[ALL, ...data.languages].map((l) => (
              <button
                key={l}
                type="button"
                role="tab"
                aria-selected={shown === l}
                className={shown === l ? 'tab is-active' : 'tab'}
                onClick={() => setTab(l)}
                data-language={l}
              >
                {l === ALL ? t('aq.accuracy.allLanguages') : languageName(l, fmt.locale)}
              </button>
            ))}
          </div>
          <div className="table-scroll">
            <table className="data-table aq-accuracy-table" role="tabpanel">
              <ColumnHeads
                columns={[
                  t('aq.col.check'),
                  { label: t('aq.col.n'), num: true },
                  { label: t('aq.col.agreement'), num: true },
                  { label: t('aq.col.precision'), num: true },
                  { label: t('aq.col.recall'), num: true },
                  { label: t('aq.col.tp'), num: true },
                  { label: t('aq.col.fp'), num: true },
                  { label: t('aq.col.fn'), num: true },
                  { label: t('aq.col.tn'), num: true },
                  { label: t('aq.col.na'), num: true },
                ]}
              />
              <tbody>
                {rows.map((r) => (
                  <CellRow key={r.key} checkKey={r.key} label={r.label} cell={r.cell} fmt={fmt} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}

function CellRow({
  checkKey,
  label,
  cell,
  fmt,
}: {
  checkKey: string;
  label: string;
  cell: AccuracyCell;
  fmt: Formatters;
}) {
  const ratio = (v: number | null) => (v === null ? '—' : fmt.percent(v, 0));
  return (
    <tr data-check={checkKey}>
      <th scope="row">{label}</th>
      <td className="num" data-col="n">
        {fmt.integer(cell.n)}
      </td>
      <td className="num" data-col="agreement">
        {ratio(cell.agreement)}
      </td>
      <td className="num" data-col="precision">
        {ratio(cell.precision)}
      </td>
      <td className="num" data-col="recall">
        {ratio(cell.recall)}
      </td>
      <td className="num" data-col="tp">
        {fmt.integer(cell.tp)}
      </td>
      <td className="num" data-col="fp">
        {fmt.integer(cell.fp)}
      </td>
      <td className="num" data-col="fn">
        {fmt.integer(cell.fn)}
      </td>
      <td className="num" data-col="tn">
        {fmt.integer(cell.tn)}
      </td>
      <td className="num" data-col="na">
        {fmt.integer(cell.autoNa + cell.humanNa)}
      </td>
    </tr>
  );
}

function DisagreementsCard({ data }: { data: AccuracyResponse }) {
  const t = useT();
  const names = useNames();
  const language = useLanguage();
  const labels = new Map(data.checks.map((c) => [c.key, c.labels[language as 'en'] ?? c.labels.en]));
  return (
    <Card
      id="accuracy-disagreements-title"
      title={t('aq.accuracy.disagreements')}
      meta={
        <span className="card-meta">
          {t('aq.accuracy.disagreementCount', { count: data.disagreements.length })}
        </span>
      }
    >
      {data.disagreements.length === 0 ? (
        <p className="card-body cell-muted">{t('aq.accuracy.noDisagreements')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table aq-disagreements">
            <ColumnHeads
              columns={[
                t('qa.col.call'),
                t('qa.col.operator'),
                t('aq.col.check'),
                t('aq.col.autoqa'),
                t('aq.col.person'),
                t('qa.col.evaluation'),
                t('qa.col.evaluator'),
              ]}
            />
            <tbody>
              {data.disagreements.map((d) => (
                <tr key={`${d.evaluationId}|${d.questionId}`}>
                  <td>
                    <Link className="call-link" to={`/calls/${encodeURIComponent(d.callId)}`}>
                      {d.callId}
                    </Link>{' '}
                    <span className="cell-muted">{d.language.toUpperCase()}</span>
                  </td>
                  <td className="cell-muted">{names.operator(d.operatorId)}</td>
                  <td>{labels.get(d.checkKey) ?? d.checkKey}</td>
                  <td>
                    <span className={`badge badge-small auto-result auto-result-${d.autoResult}`}>
                      {t(`aq.result.${d.autoResult}`)}
                    </span>
                  </td>
                  <td>
                    <span className={`badge badge-small auto-result auto-result-${d.humanResult}`}>
                      {t(`aq.result.${d.humanResult}`)}
                    </span>
                  </td>
                  <td>
                    <Link to={`/evaluations/${encodeURIComponent(d.evaluationId)}`}>{d.evaluationId}</Link>
                  </td>
                  <td className="cell-muted">{names.user(d.evaluator)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
