import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { scoreAnswers } from '../../../core/form-score.ts';
import {
  type Answers,
  CRITICAL_LEVELS,
  type FormDefinition,
  type FormView,
  QUESTION_TYPES,
  type Question,
} from '../../../schemas/forms.ts';
import { useForm, useSaveForm } from '../api/qa.ts';
import { ErrorState, errorMessage, LoadingRegion, Skeleton } from '../components/states.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useFormat } from '../format.ts';
import { useT } from '../i18n/index.ts';
import { FormAnswers, ScoreSummary } from './qa/FormAnswers.tsx';

type QType = (typeof QUESTION_TYPES)[number];
type Critical = (typeof CRITICAL_LEVELS)[number];

/** A question as typed: numbers stay text until saved, so a half-typed "1." is not lost. */
interface QDraft {
  key: number;
  id: string;
  text: string;
  help: string;
  type: QType;
  weight: string;
  allowNa: boolean;
  critical: Critical;
  min: string;
  max: string;
  options: { label: string; points: string }[];
}
interface SDraft {
  key: number;
  id: string;
  title: string;
  questions: QDraft[];
}
interface Draft {
  name: string;
  description: string;
  sections: SDraft[];
}

let nextKey = 1;
const newKey = () => nextKey++;

/** An id not used yet in the form: `q1`, `q2`, … (answers are stored under it). */
function freshId(prefix: string, used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function blankQuestion(id: string): QDraft {
  return {
    key: newKey(),
    id,
    text: '',
    help: '',
    type: 'yes_no',
    weight: '1',
    allowNa: false,
    critical: 'none',
    min: '1',
    max: '5',
    options: [
      { label: '', points: '0' },
      { label: '', points: '1' },
    ],
  };
}

function toDraft(form: FormView): Draft {
  return {
    name: form.name,
    description: form.description ?? '',
    sections: form.definition.sections.map((s) => ({
      key: newKey(),
      id: s.id,
      title: s.title,
      questions: s.questions.map((q) => ({
        ...blankQuestion(q.id),
        text: q.text,
        help: q.help ?? '',
        type: q.type,
        weight: String(q.weight),
        allowNa: q.allowNa,
        critical: q.critical,
        ...(q.type === 'scale' ? { min: String(q.min), max: String(q.max) } : {}),
        ...(q.type === 'choice'
          ? { options: q.options.map((o) => ({ label: o.label, points: String(o.points) })) }
          : {}),
      })),
    })),
  };
}

const num = (s: string) => Number(s.replace(',', '.'));

function toQuestion(q: QDraft): Question {
  const base = {
    id: q.id,
    text: q.text.trim(),
    help: q.help.trim() || null,
    weight: num(q.weight),
    allowNa: q.allowNa,
    critical: q.critical,
  };
  if (q.type === 'scale') return { ...base, type: 'scale', min: num(q.min), max: num(q.max) };
  if (q.type === 'choice')
    return {
      ...base,
      type: 'choice',
      options: q.options.map((o) => ({ label: o.label.trim(), points: num(o.points) })),
    };
  return { ...base, type: 'yes_no' };
}

/** The draft as the API's definition; the server's schema decides whether it is valid. */
function toDefinition(d: Draft): FormDefinition {
  return {
    sections: d.sections.map((s) => ({
      id: s.id,
      title: s.title.trim(),
      questions: s.questions.map(toQuestion),
    })),
  };
}

/** What the preview can show while the form is half built: questions that can be answered. */
function previewable(def: FormDefinition, t: (k: 'qa.builder.untitled') => string): FormDefinition {
  return {
    sections: def.sections
      .map((s) => ({
        ...s,
        title: s.title || t('qa.builder.untitled'),
        questions: s.questions
          .filter((q) => Number.isFinite(q.weight) && q.weight > 0)
          .filter(
            (q) =>
              q.type !== 'scale' ||
              (Number.isInteger(q.min) && Number.isInteger(q.max) && q.max > q.min && q.max - q.min <= 20),
          )
          .map((q) =>
            q.type === 'choice'
              ? { ...q, options: q.options.filter((o) => o.label && Number.isFinite(o.points)) }
              : q,
          )
          .filter((q) => q.type !== 'choice' || q.options.some((o) => o.points > 0))
          .map((q) => ({ ...q, text: q.text || t('qa.builder.untitled') })),
      }))
      .filter((s) => s.questions.length > 0),
  };
}

/** Form builder (QA lead): sections and questions, with a live preview that scores as you answer. */
export default function FormBuilderPage() {
  const t = useT();
  const { id } = useParams();
  const formId = id ? Number(id) : null;
  const existing = useForm(formId);
  useDocumentTitle(formId ? t('qa.builder.editTitle') : t('qa.builder.newTitle'));

  if (formId !== null && existing.isError)
    return (
      <div className="page">
        <h1 className="page-title">{t('qa.builder.editTitle')}</h1>
        <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />
      </div>
    );
  if (formId !== null && !existing.data)
    return (
      <LoadingRegion label={t('app.loading')}>
        <div className="page">
          <Skeleton width={260} height={28} />
          <Skeleton height={480} />
        </div>
      </LoadingRegion>
    );
  return <Builder key={formId ?? 'new'} form={existing.data?.form ?? null} />;
}

function Builder({ form }: { form: FormView | null }) {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const ids = { name: useId(), description: useId() };
  const save = useSaveForm();
  const [draft, setDraft] = useState<Draft>(() =>
    form
      ? toDraft(form)
      : {
          name: '',
          description: '',
          sections: [{ key: newKey(), id: 's1', title: '', questions: [blankQuestion('q1')] }],
        },
  );
  const [answers, setAnswers] = useState<Answers>({});
  const location = useLocation();
  const [message, setMessage] = useState<string | null>(
    (location.state as { saved?: string } | null)?.saved ?? null,
  );

  const definition = useMemo(() => toDefinition(draft), [draft]);
  const preview = useMemo(() => previewable(definition, t), [definition, t]);
  const result = useMemo(() => scoreAnswers(preview, answers), [preview, answers]);
  // Answers of removed questions, or of a question whose type changed, no longer fit.
  useEffect(() => {
    const known = new Map(preview.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
    setAnswers((a) => {
      const kept = Object.fromEntries(
        Object.entries(a).filter(([k, v]) => {
          const q = known.get(k);
          if (!q) return false;
          if (v === null) return q.allowNa;
          if (q.type === 'yes_no') return typeof v === 'boolean';
          if (q.type === 'scale') return typeof v === 'number' && v >= q.min && v <= q.max;
          return q.options.some((o) => o.label === v);
        }),
      );
      return Object.keys(kept).length === Object.keys(a).length ? a : kept;
    });
  }, [preview]);

  const usedQ = () => new Set(draft.sections.flatMap((s) => s.questions.map((q) => q.id)));
  const setSection = (key: number, f: (s: SDraft) => SDraft) =>
    setDraft((d) => ({ ...d, sections: d.sections.map((s) => (s.key === key ? f(s) : s)) }));
  const setQuestion = (sKey: number, qKey: number, patch: Partial<QDraft>) =>
    setSection(sKey, (s) => ({
      ...s,
      questions: s.questions.map((q) => (q.key === qKey ? { ...q, ...patch } : q)),
    }));
  const move = <T,>(list: T[], i: number, by: number): T[] => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const next = [...list];
    [next[i], next[j]] = [next[j] as T, next[i] as T];
    return next;
  };

  const onSave = () => {
    const body = { name: draft.name.trim(), description: draft.description.trim() || null, definition };
    save.mutate(
      { id: form?.id ?? null, body },
      {
        onSuccess: (r) => {
          const text =
            form && r.form.id !== form.id
              ? t('qa.builder.savedNewVersion', { version: r.form.version, previous: form.version })
              : t('qa.builder.saved', { version: r.form.version });
          setMessage(text);
          // A new form, or a new version, has its own address.
          if (!form || r.form.id !== form.id)
            navigate(`/forms/${r.form.id}/edit`, { replace: true, state: { saved: text } });
        },
      },
    );
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <Link className="back-link" to="/forms">
            {t('qa.back.forms')}
          </Link>
          <h1 className="page-title">{form ? t('qa.builder.editTitle') : t('qa.builder.newTitle')}</h1>
          <p className="page-subtitle">
            {form
              ? t('qa.builder.editSubtitle', { version: form.version, evaluations: form.evaluations })
              : t('qa.builder.newSubtitle')}
          </p>
        </div>
      </div>
      <div className="builder-layout">
        <section className="card" aria-labelledby="builder-title">
          <header className="card-header">
            <h2 className="card-title" id="builder-title">
              {t('qa.builder.structure')}
            </h2>
          </header>
          <div className="card-body builder">
            <div className="builder-meta">
              <div className="field">
                <label className="field-label" htmlFor={ids.name}>
                  {t('qa.builder.name')}
                </label>
                <input
                  id={ids.name}
                  className="input"
                  value={draft.name}
                  onChange={(e) => setDraft({ ...draft, name: e.target.value })}
                />
              </div>
              <div className="field">
                <label className="field-label" htmlFor={ids.description}>
                  {t('qa.builder.description')}
                </label>
                <input
                  id={ids.description}
                  className="input"
                  value={draft.description}
                  onChange={(e) => setDraft({ ...draft, description: e.target.value })}
                />
              </div>
            </div>
            {draft.sections.map((s, si) => (
              <fieldset key={s.key} className="builder-section">
                <legend className="visually-hidden">{t('qa.builder.sectionN', { n: si + 1 })}</legend>
                <div className="builder-section-head">
                  <div className="field grow">
                    <label className="field-label" htmlFor={`sec-${s.key}`}>
                      {t('qa.builder.sectionTitle', { n: si + 1 })}
                    </label>
                    <input
                      id={`sec-${s.key}`}
                      className="input input-small"
                      value={s.title}
                      onChange={(e) => setSection(s.key, (x) => ({ ...x, title: e.target.value }))}
                    />
                  </div>
                  <div className="icon-buttons">
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      disabled={si === 0}
                      onClick={() => setDraft((d) => ({ ...d, sections: move(d.sections, si, -1) }))}
                    >
                      {t('qa.builder.up')}
                    </button>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      disabled={si === draft.sections.length - 1}
                      onClick={() => setDraft((d) => ({ ...d, sections: move(d.sections, si, 1) }))}
                    >
                      {t('qa.builder.down')}
                    </button>
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      disabled={draft.sections.length === 1}
                      onClick={() =>
                        setDraft((d) => ({ ...d, sections: d.sections.filter((x) => x.key !== s.key) }))
                      }
                    >
                      {t('qa.builder.removeSection')}
                    </button>
                  </div>
                </div>
                {s.questions.map((q, qi) => (
                  <QuestionEditor
                    key={q.key}
                    q={q}
                    n={qi + 1}
                    first={qi === 0}
                    last={qi === s.questions.length - 1}
                    onChange={(patch) => setQuestion(s.key, q.key, patch)}
                    onMove={(by) =>
                      setSection(s.key, (x) => ({ ...x, questions: move(x.questions, qi, by) }))
                    }
                    onRemove={
                      s.questions.length > 1
                        ? () =>
                            setSection(s.key, (x) => ({
                              ...x,
                              questions: x.questions.filter((y) => y.key !== q.key),
                            }))
                        : null
                    }
                  />
                ))}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    setSection(s.key, (x) => ({
                      ...x,
                      questions: [...x.questions, blankQuestion(freshId('q', usedQ()))],
                    }))
                  }
                >
                  {t('qa.builder.addQuestion')}
                </button>
              </fieldset>
            ))}
            <div className="rule-buttons">
              <button
                type="button"
                className="button button-secondary"
                onClick={() =>
                  setDraft((d) => {
                    const usedS = new Set(d.sections.map((x) => x.id));
                    return {
                      ...d,
                      sections: [
                        ...d.sections,
                        {
                          key: newKey(),
                          id: freshId('s', usedS),
                          title: '',
                          questions: [blankQuestion(freshId('q', usedQ()))],
                        },
                      ],
                    };
                  })
                }
              >
                {t('qa.builder.addSection')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={save.isPending}
                onClick={onSave}
              >
                {save.isPending
                  ? t('qa.action.saving')
                  : form
                    ? t('qa.builder.saveChanges')
                    : t('qa.builder.create')}
              </button>
            </div>
            {message && (
              <p className="form-ok" role="status">
                {message}
              </p>
            )}
            {save.error && (
              <p className="form-error sentence" role="alert">
                {errorMessage(save.error, t)}
              </p>
            )}
          </div>
        </section>
        <aside className="builder-preview">
          <section className="card" aria-labelledby="preview-title">
            <header className="card-header">
              <div className="card-heading">
                <h2 className="card-title" id="preview-title">
                  {t('qa.builder.preview')}
                </h2>
                <span className="card-meta">{t('qa.builder.previewHint')}</span>
              </div>
              {Object.keys(answers).length > 0 && (
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => setAnswers({})}
                >
                  {t('qa.builder.clearAnswers')}
                </button>
              )}
            </header>
            <div className="card-body">
              <ScoreSummary result={result} definition={preview} fmt={fmt} label={t('qa.score.live')} />
              {preview.sections.length === 0 ? (
                <p className="cell-muted">{t('qa.builder.previewEmpty')}</p>
              ) : (
                <FormAnswers
                  definition={preview}
                  answers={answers}
                  onChange={setAnswers}
                  result={result}
                  fmt={fmt}
                />
              )}
            </div>
          </section>
        </aside>
      </div>
    </div>
  );
}

function QuestionEditor({
  q,
  n,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  q: QDraft;
  n: number;
  first: boolean;
  last: boolean;
  onChange(patch: Partial<QDraft>): void;
  onMove(by: number): void;
  onRemove: (() => void) | null;
}) {
  const t = useT();
  const base = useId();
  const field = (k: string) => `${base}-${k}`;
  return (
    <fieldset className="builder-question">
      <legend className="builder-question-legend">{t('qa.builder.questionN', { n })}</legend>
      <div className="builder-grid">
        <div className="field span-3">
          <label className="field-label" htmlFor={field('text')}>
            {t('qa.builder.text')}
          </label>
          <input
            id={field('text')}
            className="input input-small"
            value={q.text}
            onChange={(e) => onChange({ text: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('type')}>
            {t('qa.builder.type')}
          </label>
          <select
            id={field('type')}
            className="select select-small"
            value={q.type}
            onChange={(e) => onChange({ type: e.target.value as QType })}
          >
            {QUESTION_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`qa.builder.type.${x}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('weight')}>
            {t('qa.builder.weight')}
          </label>
          <input
            id={field('weight')}
            className="input input-small input-number"
            inputMode="decimal"
            value={q.weight}
            aria-invalid={!(num(q.weight) > 0)}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('critical')}>
            {t('qa.builder.critical')}
          </label>
          <select
            id={field('critical')}
            className="select select-small"
            value={q.critical}
            onChange={(e) => onChange({ critical: e.target.value as Critical })}
          >
            {CRITICAL_LEVELS.map((x) => (
              <option key={x} value={x}>
                {t(`qa.builder.critical.${x}`)}
              </option>
            ))}
          </select>
        </div>
        {q.type === 'scale' && (
          <>
            <div className="field">
              <label className="field-label" htmlFor={field('min')}>
                {t('qa.builder.min')}
              </label>
              <input
                id={field('min')}
                className="input input-small input-number"
                inputMode="numeric"
                value={q.min}
                onChange={(e) => onChange({ min: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={field('max')}>
                {t('qa.builder.max')}
              </label>
              <input
                id={field('max')}
                className="input input-small input-number"
                inputMode="numeric"
                value={q.max}
                aria-invalid={!(num(q.max) > num(q.min))}
                onChange={(e) => onChange({ max: e.target.value })}
              />
            </div>
          </>
        )}
        <label className="checkbox builder-na">
          <input
            type="checkbox"
            checked={q.allowNa}
            onChange={(e) => onChange({ allowNa: e.target.checked })}
          />
          <span>{t('qa.builder.allowNa')}</span>
        </label>
      </div>
      {q.type === 'choice' && (
        <div className="builder-options">
          <span className="field-label">{t('qa.builder.options')}</span>
          {q.options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place and have no id
            <div key={i} className="builder-option">
              <label className="visually-hidden" htmlFor={field(`o${i}`)}>
                {t('qa.builder.optionLabel', { n: i + 1 })}
              </label>
              <input
                id={field(`o${i}`)}
                className="input input-small"
                placeholder={t('qa.builder.optionLabel', { n: i + 1 })}
                value={o.label}
                onChange={(e) =>
                  onChange({
                    options: q.options.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                  })
                }
              />
              <label className="visually-hidden" htmlFor={field(`p${i}`)}>
                {t('qa.builder.optionPoints', { n: i + 1 })}
              </label>
              <input
                id={field(`p${i}`)}
                className="input input-small input-number"
                inputMode="decimal"
                value={o.points}
                onChange={(e) =>
                  onChange({
                    options: q.options.map((x, j) => (j === i ? { ...x, points: e.target.value } : x)),
                  })
                }
              />
              <span className="cell-muted">{t('qa.builder.points')}</span>
              <button
                type="button"
                className="button button-ghost button-small"
                disabled={q.options.length <= 2}
                onClick={() => onChange({ options: q.options.filter((_, j) => j !== i) })}
              >
                {t('qa.builder.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-ghost button-small"
            onClick={() => onChange({ options: [...q.options, { label: '', points: '0' }] })}
          >
            {t('qa.builder.addOption')}
          </button>
        </div>
      )}
      <div className="field">
        <label className="field-label" htmlFor={field('help')}>
          {t('qa.builder.help')}
        </label>
        <input
          id={field('help')}
          className="input input-small"
          value={q.help}
          onChange={(e) => onChange({ help: e.target.value })}
        />
      </div>
      <div className="icon-buttons">
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={first}
          onClick={() => onMove(-1)}
        >
          {t('qa.builder.up')}
        </button>
        <button
          type="button"
          className="button button-ghost button-small"
          disabled={last}
          onClick={() => onMove(1)}
        >
          {t('qa.builder.down')}
        </button>
        {onRemove && (
          <button type="button" className="button button-ghost button-small" onClick={onRemove}>
            {t('qa.builder.removeQuestion')}
          </button>
        )}
      </div>
    </fieldset>
  );
}
