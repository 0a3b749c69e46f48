import { useId, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  COACHING_CRITERIA,
  COACHING_SOURCES,
  type CoachingGoal,
  type CoachingSource,
} from '../../../../schemas/coaching.ts';
import { METRICS } from '../../../../schemas/criteria.ts';
import { useCheckLabels } from '../../api/autoqa.ts';
import { useRoster } from '../../api/claims.ts';
import { useOpenCoaching } from '../../api/coaching.ts';
import { usePeriods } from '../../api/hooks.ts';
import { useForm } from '../../api/qa.ts';
import { FormFeedback } from '../../components/FormFeedback.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useBackLink } from '../../components/useBackLink.ts';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useT } from '../../i18n/index.ts';
import { message } from '../../metrics.ts';
import { OperatorField } from '../claims/OperatorField.tsx';
import { FormField } from './FormField.tsx';

type Kind = CoachingGoal['kind'];
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const lines = (s: string) =>
  s
    .split(/[\n,]/)
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Opens a coaching session. The page is opened prefilled from where the need was seen: an
 * evaluation, a failed check, a claim, the ranking (`?operator=&source=&ref=&call=&finding=&check=`
 * `&criterion=&form=&question=`), and the head or lead completes the goal, target and follow-up.
 */
export default function NewCoachingPage() {
  const t = useT();
  const id = useId();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('coaching.new.title'));
  const back = useBackLink('/coaching');
  const roster = useRoster();
  const periods = usePeriods();
  const latest = periods.data?.periods[0] ?? null;
  const checks = useCheckLabels(latest);
  const open = useOpenCoaching();

  const source = (COACHING_SOURCES as readonly string[]).includes(params.get('source') ?? '')
    ? (params.get('source') as CoachingSource)
    : 'manual';
  const initialKind: Kind = params.get('check') ? 'check' : params.get('question') ? 'question' : 'criterion';
  const [operatorId, setOperatorId] = useState(params.get('operator') ?? '');
  const [kind, setKind] = useState<Kind>(initialKind);
  const [criterion, setCriterion] = useState(params.get('criterion') ?? 'qualityScore');
  const [check, setCheck] = useState(params.get('check') ?? '');
  const [formId, setFormId] = useState(params.get('form') ?? '');
  const [questionId, setQuestionId] = useState(params.get('question') ?? '');
  const [target, setTarget] = useState(initialKind === 'criterion' ? '' : '80');
  const [followUpOn, setFollowUpOn] = useState(inDays(14));
  const [calls, setCalls] = useState(params.getAll('call').join(', '));
  const [findings, setFindings] = useState(params.getAll('finding').join('\n'));
  const [notes, setNotes] = useState('');
  const form = useForm(formId ? Number(formId) : null);
  const questions = form.data?.form.definition.sections.flatMap((s) => s.questions) ?? [];
  const isRate = kind !== 'criterion';

  const goal = (): CoachingGoal =>
    kind === 'criterion'
      ? { kind, key: criterion }
      : kind === 'check'
        ? { kind, key: check }
        : { kind, formId: Number(formId), questionId };

  return (
    <div className="page">
      <PageHeader title={t('coaching.new.title')} subtitle={t(`coaching.source.${source}`)} back={back} />
      <form
        className="card inline-form"
        aria-label={t('coaching.new.title')}
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate(
            {
              operatorId,
              source,
              sourceRef: params.get('ref'),
              callIds: lines(calls),
              findings: findings
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
              goal: goal(),
              target: isRate ? Number(target) / 100 : Number(target),
              followUpOn,
              notes,
            },
            { onSuccess: (r) => navigate(`/coaching/${r.session.id}`, { replace: true }) },
          );
        }}
      >
        <div className="form-grid">
          <OperatorField roster={roster.data?.operators ?? []} value={operatorId} onChange={setOperatorId} />
          <div className="field">
            <label className="field-label" htmlFor={`${id}-kind`}>
              {t('coaching.new.goalKind')}
            </label>
            <select
              id={`${id}-kind`}
              className="select"
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
            >
              <option value="criterion">{t('coaching.goalKind.criterion')}</option>
              <option value="check">{t('coaching.goalKind.check')}</option>
              <option value="question">{t('coaching.goalKind.question')}</option>
            </select>
          </div>
          {kind === 'criterion' && (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-criterion`}>
                {t('coaching.goalKind.criterion')}
              </label>
              <select
                id={`${id}-criterion`}
                className="select"
                value={criterion}
                onChange={(e) => setCriterion(e.target.value)}
              >
                {COACHING_CRITERIA.map((k) => {
                  const m = METRICS.find((x) => x.key === k);
                  return (
                    <option key={k} value={k}>
                      {m ? t(message(m.label)) : k}
                    </option>
                  );
                })}
              </select>
            </div>
          )}
          {kind === 'check' && (
            <div className="field">
              <label className="field-label" htmlFor={`${id}-check`}>
                {t('coaching.goalKind.check')}
              </label>
              <select
                id={`${id}-check`}
                className="select"
                required
                value={check}
                onChange={(e) => setCheck(e.target.value)}
              >
                <option value="">{t('coaching.new.choose')}</option>
                {checks.checks.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.label}
                  </option>
                ))}
                {check && !checks.checks.some((c) => c.key === check) && (
                  <option value={check}>{check}</option>
                )}
              </select>
            </div>
          )}
          {kind === 'question' && (
            <>
              <FormField id={`${id}-form`} value={formId} onChange={setFormId} />
              <div className="field">
                <label className="field-label" htmlFor={`${id}-question`}>
                  {t('coaching.goalKind.question')}
                </label>
                <select
                  id={`${id}-question`}
                  className="select"
                  required
                  value={questionId}
                  onChange={(e) => setQuestionId(e.target.value)}
                >
                  <option value="">{t('coaching.new.choose')}</option>
                  {questions.map((q) => (
                    <option key={q.id} value={q.id}>
                      {q.text}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <div className="field">
            <label className="field-label" htmlFor={`${id}-target`}>
              {isRate ? t('coaching.new.targetRate') : t('coaching.new.target')}
            </label>
            <input
              id={`${id}-target`}
              className="input"
              type="number"
              step="any"
              required
              min={isRate ? 0 : undefined}
              max={isRate ? 100 : undefined}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-follow`}>
              {t('coaching.col.followUp')}
            </label>
            <input
              id={`${id}-follow`}
              className="input"
              type="date"
              required
              value={followUpOn}
              onChange={(e) => setFollowUpOn(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-calls`}>
              {t('coaching.session.calls')}
            </label>
            <input
              id={`${id}-calls`}
              className="input"
              value={calls}
              onChange={(e) => setCalls(e.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-findings`}>
            {t('coaching.session.findings')}
          </label>
          <textarea
            id={`${id}-findings`}
            className="input textarea"
            rows={3}
            value={findings}
            onChange={(e) => setFindings(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-notes`}>
            {t('coaching.session.notes')}
          </label>
          <textarea
            id={`${id}-notes`}
            className="input textarea"
            rows={4}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </div>
        <FormFeedback error={open.error} />
        <div className="confirm-buttons">
          <button type="submit" className="button button-primary" disabled={open.isPending}>
            {t('coaching.new.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
