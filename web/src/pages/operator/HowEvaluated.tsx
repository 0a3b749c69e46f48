import { DEDUCTION_KEYS } from '../../../../schemas/criteria.ts';
import type { PayRule } from '../../../../schemas/pay-rule.ts';
import { useForms, useRuleInForce } from '../../api/dashboard.ts';
import { ErrorState, LoadingRegion, Skeleton } from '../../components/states.tsx';
import type { Formatters } from '../../format.ts';
import { type Translate, useT } from '../../i18n/index.ts';
import { METRIC_LIST, message, onScorecard } from '../../metrics.ts';

/** The rule in force, each part said in a plain sentence. */
function ruleSentences(rule: PayRule, fmt: Formatters, t: Translate): { key: string; text: string }[] {
  const p = (x: number) => fmt.percent(x, x * 100 === Math.round(x * 100) ? 0 : 1);
  const byKey: Record<(typeof DEDUCTION_KEYS)[number], string> = {
    tasks: t('how.rule.tasks', { weight: p(rule.tasks.weight), cap: p(rule.tasks.cap) }),
    quality: t('how.rule.quality', {
      threshold: fmt.decimal(rule.quality.threshold, 0),
      perPoint: p(rule.quality.perPoint),
      cap: p(rule.quality.cap),
    }),
    targets: t('how.rule.targets', { weight: p(rule.targets.weight), cap: p(rule.targets.cap) }),
    internalClaims: t('how.rule.internalClaims', {
      each: p(rule.internalClaims.each),
      cap: p(rule.internalClaims.cap),
    }),
    clientClaims: t('how.rule.clientClaims', {
      each: p(rule.clientClaims.each),
      cap: p(rule.clientClaims.cap),
    }),
    orderErrors: t('how.rule.orderErrors', {
      threshold: p(rule.orderErrors.threshold),
      weight: fmt.decimal(rule.orderErrors.weight, 1),
      cap: p(rule.orderErrors.cap),
    }),
    negativeAssessments: t('how.rule.negativeAssessments', {
      each: p(rule.negativeAssessments.each),
      cap: p(rule.negativeAssessments.cap),
    }),
  };
  return [
    ...DEDUCTION_KEYS.map((k) => ({ key: k, text: byKey[k] })),
    ...(rule.orderRules.debt ? [{ key: 'debt', text: t('rules.field.debt') }] : []),
    ...(rule.orderRules.routing ? [{ key: 'routing', text: t('rules.field.routing') }] : []),
    {
      key: 'coefficient',
      text: t('how.rule.coefficient', {
        floor: fmt.decimal(rule.floor, 2),
        ceiling: fmt.decimal(rule.ceiling, 2),
      }),
    },
  ];
}

/** For the operator: what he is measured on, the pay rule in force in plain words, the forms used. */
export function HowEvaluated({
  period,
  department,
  fmt,
}: {
  period: string;
  department: string | null;
  fmt: Formatters;
}) {
  const t = useT();
  const rule = useRuleInForce(period, department);
  const forms = useForms();
  const version = rule.data?.rule;
  return (
    <section className="card" aria-labelledby="how-title">
      <header className="card-header">
        <h2 className="card-title" id="how-title">
          {t('how.title')}
        </h2>
      </header>
      <div className="card-body how">
        <div>
          <h3 className="how-heading">{t('how.criteria')}</h3>
          <ul className="how-list">
            {METRIC_LIST.filter((c) => c.kind === 'criterion' && onScorecard(c)).map((c) => (
              <li key={c.key}>
                <span>{t(message(c.label))}</span>
                <span className="cell-muted">
                  {c.deduction
                    ? t('how.paidOn', { deduction: t(`deduction.${c.deduction}`) })
                    : t('how.shownOnly')}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="how-heading">
            {version
              ? version.department
                ? t('how.ruleDepartment', {
                    department: version.department,
                    version: version.version,
                    from: version.validFrom,
                  })
                : t('how.ruleGeneral', { version: version.version, from: version.validFrom })
              : t('how.rule')}
          </h3>
          {rule.isError ? (
            <ErrorState error={rule.error} onRetry={() => void rule.refetch()} compact />
          ) : !version ? (
            <LoadingRegion label={t('app.loading')}>
              <Skeleton height={120} />
            </LoadingRegion>
          ) : (
            <ul className="how-list how-rules">
              {ruleSentences(version.rule, fmt, t).map((s) => (
                <li key={s.key}>{s.text}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="how-heading">{t('how.forms')}</h3>
          {forms.isError ? (
            <ErrorState error={forms.error} onRetry={() => void forms.refetch()} compact />
          ) : !forms.data ? (
            <LoadingRegion label={t('app.loading')}>
              <Skeleton height={60} />
            </LoadingRegion>
          ) : forms.data.forms.length === 0 ? (
            <p className="cell-muted">{t('how.noForms')}</p>
          ) : (
            <ul className="how-list">
              {forms.data.forms.map((f) => (
                <li key={f.id}>
                  <span>{t('opPage.formVersion', { name: f.name, version: f.version })}</span>
                  <span className="cell-muted">
                    {t('how.formQuestions', { count: fmt.integer(f.questions) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
