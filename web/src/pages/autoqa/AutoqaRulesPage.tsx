import { useEffect, useState } from 'react';
import type { CheckDef } from '../../../../schemas/autoqa.ts';
import { DEFAULT_CHECKS } from '../../../../schemas/autoqa-rules.ts';
import { useRuleSet, useRuleVersion, useSaveRuleSet } from '../../api/autoqa.ts';
import { ApiError, isApiError } from '../../api/client.ts';
import { useCan } from '../../auth/access.tsx';
import { AutoqaJobBar } from '../../components/AutoqaJobBar.tsx';
import { Card } from '../../components/Card.tsx';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState, Skeleton } from '../../components/states.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLanguage, useT } from '../../i18n/index.ts';
import { CheckEditor, checkLabel } from './CheckEditor.tsx';
import { PARAM_LABEL } from './check-fields.ts';
import { RuleTestBox } from './RuleTestBox.tsx';
import { RuleVersionsCard } from './RuleVersionsCard.tsx';
import './autoqa.css';

/**
 * AutoQA's rules: the checks of the rule set in force, edited by the QA lead (every save a new
 * version, after which the calls are re-checked in the background), read by the monitors; the
 * versions saved before; and a test box that runs the draft, unsaved, on one transcript.
 */
export default function AutoqaRulesPage() {
  const t = useT();
  const language = useLanguage();
  useDocumentTitle(t('autoqa.title'));
  const ruleSet = useRuleSet();
  const save = useSaveRuleSet();
  const mayEdit = useCan('autoqa.rules.edit');
  const mayTest = useCan('autoqa.rules.test');
  const [draft, setDraft] = useState<CheckDef[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [seed, setSeed] = useState(0);
  const older = useRuleVersion(viewing);
  const inForce = ruleSet.data?.ruleSet ?? null;

  // The editor starts from the version in force, and follows it while nothing is edited.
  useEffect(() => {
    if (inForce && !dirty) {
      setDraft(inForce.checks);
      setSeed((n) => n + 1);
    }
  }, [inForce, dirty]);

  if (ruleSet.isError) return <ErrorState error={ruleSet.error} onRetry={() => void ruleSet.refetch()} />;

  const looking = viewing !== null ? (older.data?.ruleSet ?? null) : null;
  const shown = looking ? looking.checks : draft;
  const readOnly = !mayEdit || looking !== null;
  const edit = (next: CheckDef[]) => {
    setDraft(next);
    setDirty(true);
    save.reset();
  };
  const off = [...(inForce?.checks ?? []), ...DEFAULT_CHECKS].filter(
    (c, i, all) => !draft?.some((d) => d.key === c.key) && all.findIndex((x) => x.key === c.key) === i,
  );
  // The API names a field by its place (`checks.3.params.windowSeconds`): say which check and field.
  const failure =
    save.error && isApiError(save.error) && draft
      ? new ApiError(
          save.error.status,
          save.error.code,
          save.error.message
            .replace(/^invalid json: /, '')
            .replace(/checks\.(\d+)\./g, (_, i: string) => {
              const c = draft[Number(i)];
              return c ? `${checkLabel(c, language)}: ` : '';
            })
            .replace(/params\.(\w+)/g, (whole, name: string) => {
              const key = PARAM_LABEL[name];
              return key ? t(key) : whole;
            }),
        )
      : save.error;

  return (
    <div className="page">
      <PageHeader
        title={t('autoqa.title')}
        subtitle={inForce ? t('autoqa.subtitle', { version: inForce.version }) : undefined}
        subtitleSkeleton={220}
      />
      <AutoqaJobBar />
      <div className="aq-layout">
        <div className="aq-main">
          <Card
            id="aq-checks-title"
            title={looking ? t('autoqa.viewing', { version: looking.version }) : t('autoqa.checks')}
            meta={
              <span className="card-meta">
                {looking ? t('autoqa.viewingHint') : mayEdit ? t('autoqa.editHint') : t('autoqa.readOnly')}
              </span>
            }
            actions={
              looking && mayEdit ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => {
                    edit(looking.checks);
                    setViewing(null);
                    setSeed((n) => n + 1);
                  }}
                >
                  {t('autoqa.startFrom')}
                </button>
              ) : undefined
            }
          >
            <div className="card-body aq-checks">
              {!shown ? (
                <Skeleton height={420} />
              ) : (
                shown.map((c, i) => (
                  <CheckEditor
                    key={`${seed}-${looking?.version ?? 'draft'}-${c.key}`}
                    resetKey={`${seed}-${looking?.version ?? 'draft'}`}
                    check={c}
                    readOnly={readOnly}
                    onChange={(next) => draft && edit(draft.map((d, j) => (j === i ? next : d)))}
                    onTurnOff={
                      readOnly || (draft?.length ?? 0) <= 1
                        ? null
                        : () => edit((draft ?? []).filter((_, j) => j !== i))
                    }
                  />
                ))
              )}
              {!readOnly && off.length > 0 && (
                <div className="aq-off">
                  <span className="field-label">{t('autoqa.turnedOff')}</span>
                  {off.map((c) => (
                    <button
                      key={c.key}
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => edit([...(draft ?? []), c])}
                    >
                      {t('autoqa.turnOn', { check: checkLabel(c, language) })}
                    </button>
                  ))}
                </div>
              )}
              {mayEdit && !looking && (
                <div className="rule-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={!dirty || save.isPending || !draft}
                    onClick={() =>
                      draft &&
                      save.mutate(draft, {
                        onSuccess: () => setDirty(false),
                      })
                    }
                  >
                    {t('autoqa.save')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    disabled={!dirty || save.isPending}
                    onClick={() => {
                      setDirty(false);
                      save.reset();
                    }}
                  >
                    {t('autoqa.discard')}
                  </button>
                  <FormFeedback
                    inline
                    ok={save.isSuccess && t('autoqa.saved', { version: save.data.ruleSet.version })}
                    error={failure}
                  />
                </div>
              )}
            </div>
          </Card>
          <RuleVersionsCard viewing={viewing} onView={setViewing} />
        </div>
        {mayTest && shown && (
          <div className="aq-side">
            <RuleTestBox checks={shown} />
          </div>
        )}
      </div>
    </div>
  );
}
