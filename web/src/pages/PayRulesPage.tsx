import { useEffect, useId, useMemo, useState } from 'react';
import { ruleInForce } from '../../../schemas/pay-rule.ts';
import { usePeriods, useTeams } from '../api/hooks.ts';
import { useNames } from '../api/names.ts';
import { usePayRules, usePreviewRule, useSaveRule } from '../api/payroll.ts';
import { useCan } from '../auth/access.tsx';
import { useClock } from '../clock.ts';
import { FormFeedback } from '../components/FormFeedback.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { ErrorState, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { defaultMonth, useCompanyTimeZone } from '../components/usePeriodParam.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { type Draft, fromDraft, RuleEditor, toDraft } from './rules/RuleEditor.tsx';
import { RulePreviewCard } from './rules/RulePreviewCard.tsx';

const GENERAL = '';
/** Who made the rule callscore starts with (stores/migrations). */
const SYSTEM = 'system';

/** The first day of the month after `date` (YYYY-MM-DD): new rules usually start with a month. */
function nextMonthStart(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Pay rules: every version per department; an administrator writes a new version with its effect
 * previewed, heads and payroll read the rule as it stands.
 */
export default function PayRulesPage() {
  const t = useT();
  const names = useNames();
  const clock = useClock();
  const fmt = useFormat();
  useDocumentTitle(t('rules.title'));
  const ids = { dept: useId(), from: useId(), period: useId(), note: useId() };
  const rules = usePayRules();
  const teams = useTeams();
  const periods = usePeriods();
  const preview = usePreviewRule();
  const save = useSaveRule();
  const mayPreview = useCan('payRules.preview');
  const maySave = useCan('payRules.create');

  const [department, setDepartment] = useState(GENERAL);
  const dept = department === GENERAL ? null : department;
  const departments = useMemo(
    () =>
      [...new Set((teams.data?.teams ?? []).map((x) => x.department).filter((d): d is string => !!d))].sort(),
    [teams.data],
  );
  const [period, setPeriod] = useState<string | null>(null);
  const timeZone = useCompanyTimeZone();
  const previewPeriod = period ?? (timeZone ? defaultMonth(periods.data?.periods ?? [], timeZone) : null);
  // Today in the company zone: a rule valid from the 1st is in force there from its midnight.
  const today = clock.day(new Date());
  const all = rules.data?.rules ?? [];
  const inForce = rules.data ? ruleInForce(all, dept, today) : null;
  const versions = all.filter((r) => r.department === dept);

  const [draft, setDraft] = useState<Draft | null>(null);
  const [validFrom, setValidFrom] = useState(nextMonthStart(today));
  const [note, setNote] = useState('');
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  // A department's editor starts from the rule that governs it today.
  const inForceId = inForce?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the department or its rule changes
  useEffect(() => {
    if (inForce) setDraft(toDraft(inForce.rule));
    setSavedVersion(null);
    preview.reset();
  }, [department, inForceId]);

  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;

  const rule = draft ? fromDraft(draft) : null;
  const failure = preview.error ?? save.error;

  return (
    <div className="page">
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        filters={
          <div className="field field-inline">
            <label className="field-label" htmlFor={ids.dept}>
              {t('rules.department')}
            </label>
            <select
              id={ids.dept}
              className="select"
              value={department}
              onChange={(e) => setDepartment(e.target.value)}
            >
              <option value={GENERAL}>{t('rules.general')}</option>
              {departments.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        }
      />

      <div className="rules-layout">
        <section className="card" aria-labelledby="rule-edit-title">
          <header className="card-header">
            <div className="card-heading">
              <h2 className="card-title" id="rule-edit-title">
                {maySave ? t('rules.edit') : t('payRules.current')}
              </h2>
              {inForce && (
                <span className="card-meta">
                  {t('rules.inForce')}: {inForce.department ?? t('rules.general')} ·{' '}
                  {t('rules.version', { version: inForce.version })}
                </span>
              )}
            </div>
          </header>
          <div className="card-body">
            {/* A reader sees the rule in the editor's form, every field disabled. */}
            <fieldset className="fieldset-plain" disabled={!maySave}>
              {draft ? <RuleEditor draft={draft} onChange={setDraft} /> : <Skeleton height={420} />}
            </fieldset>
            {!maySave && !mayPreview && <p className="card-meta sentence">{t('payRules.readOnly')}</p>}
            {(maySave || mayPreview) && (
              <div className="rule-actions">
                {maySave && (
                  <>
                    <div className="field">
                      <label className="field-label" htmlFor={ids.from}>
                        {t('rules.validFrom')}
                      </label>
                      <input
                        id={ids.from}
                        className="input input-small"
                        type="date"
                        value={validFrom}
                        onChange={(e) => setValidFrom(e.target.value)}
                      />
                    </div>
                    <div className="field rule-note">
                      <label className="field-label" htmlFor={ids.note}>
                        {t('rules.field.note')}
                      </label>
                      <input
                        id={ids.note}
                        className="input input-small"
                        value={note}
                        onChange={(e) => setNote(e.target.value)}
                      />
                    </div>
                  </>
                )}
                {mayPreview && previewPeriod && (
                  <div className="field">
                    <label className="field-label" htmlFor={ids.period}>
                      {t('rules.previewPeriod')}
                    </label>
                    <select
                      id={ids.period}
                      className="select select-small"
                      value={previewPeriod}
                      onChange={(e) => setPeriod(e.target.value)}
                    >
                      {(periods.data?.periods ?? []).map((p) => (
                        <option key={p} value={p}>
                          {fmt.period(p)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
            )}
            {(maySave || mayPreview) && (
              <div className="rule-buttons">
                {mayPreview && (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={!rule || !previewPeriod || preview.isPending}
                    onClick={() =>
                      rule &&
                      previewPeriod &&
                      preview.mutate({ department: dept, period: previewPeriod, rule })
                    }
                  >
                    {preview.isPending
                      ? t('rules.previewing')
                      : t('rules.preview', { period: previewPeriod ? fmt.period(previewPeriod) : '' })}
                  </button>
                )}
                {maySave && (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={!rule || save.isPending}
                    onClick={() =>
                      rule &&
                      save.mutate(
                        { department: dept, validFrom, rule, ...(note.trim() ? { note: note.trim() } : {}) },
                        { onSuccess: (r) => setSavedVersion(r.rule.version) },
                      )
                    }
                  >
                    {save.isPending ? t('rules.saving') : t('rules.save')}
                  </button>
                )}
                {inForce && (
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => setDraft(toDraft(inForce.rule))}
                  >
                    {t('rules.reset')}
                  </button>
                )}
              </div>
            )}
            <FormFeedback
              ok={savedVersion !== null && t('rules.saved', { version: savedVersion })}
              error={failure}
            />
          </div>
        </section>

        <div className="rules-side">
          {preview.data && <RulePreviewCard preview={preview.data} fmt={fmt} />}
          <section className="card" aria-labelledby="rule-history-title">
            <header className="card-header">
              <h2 className="card-title" id="rule-history-title">
                {t('rules.history')}
              </h2>
            </header>
            <div className="card-body">
              {versions.length === 0 ? (
                <p className="cell-muted">{t('rules.none')}</p>
              ) : (
                <ol className="version-list">
                  {versions.map((v) => (
                    <li key={v.id} className={v.id === inForce?.id ? 'is-current' : undefined}>
                      <span className="version-name">{t('rules.version', { version: v.version })}</span>
                      <span className="cell-muted">
                        {t('rules.validFrom')} {fmt.dayLong(v.validFrom)}
                        {v.createdBy
                          ? ` · ${t('rules.createdBy', { user: v.createdBy === SYSTEM ? t('value.rule.systemUser') : names.user(v.createdBy) })}`
                          : ''}
                      </span>
                      {v.note && (
                        <span className="version-note">
                          {v.createdBy === SYSTEM ? t('value.rule.systemNote') : v.note}
                        </span>
                      )}
                      {v.id === inForce?.id && (
                        <span className="badge badge-locked">{t('rules.inForce')}</span>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
