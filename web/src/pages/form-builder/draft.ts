import type {
  AutoBinding,
  AutoFor,
  CRITICAL_LEVELS,
  FormDefinition,
  FormView,
  QUESTION_TYPES,
  Question,
} from '../../../../schemas/forms.ts';

/**
 * A form as the builder edits it, and every edit as a pure function of the draft. Numbers stay
 * text until saved, so a half-typed "1." is not lost; the server's schema decides what is valid.
 */

export type QType = (typeof QUESTION_TYPES)[number];
export type Critical = (typeof CRITICAL_LEVELS)[number];

export interface OptionDraft {
  label: string;
  points: string;
}
export interface QDraft {
  /** React's key: stays with the question while it moves; `id` is what answers are stored under. */
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
  options: OptionDraft[];
  /** The AutoQA check that answers it ('' none), and the answers on pass / fail ('' the default). */
  autoCheck: string;
  autoPass: string;
  autoFail: string;
}
export interface SDraft {
  key: number;
  id: string;
  title: string;
  questions: QDraft[];
}
export interface Draft {
  name: string;
  description: string;
  sections: SDraft[];
  /** The calls AutoQA scores on this form. */
  autoFor: AutoFor;
}

let nextKey = 1;
const newKey = () => nextKey++;

/** An id not used yet in the form: `q1`, `q2`, … (answers are stored under it). */
export function freshId(prefix: string, used: ReadonlySet<string>): string {
  let n = used.size + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function blankQuestion(id: string): QDraft {
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
    autoCheck: '',
    autoPass: '',
    autoFail: '',
  };
}

function blankSection(id: string, questionId: string): SDraft {
  return { key: newKey(), id, title: '', questions: [blankQuestion(questionId)] };
}

/** A new form: one section with one yes/no question. */
export function blankDraft(): Draft {
  return { name: '', description: '', sections: [blankSection('s1', 'q1')], autoFor: 'none' };
}

export function toDraft(form: FormView): Draft {
  return {
    name: form.name,
    description: form.description ?? '',
    autoFor: form.definition.autoFor ?? 'none',
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
        autoCheck: q.auto?.check ?? '',
        autoPass: q.auto?.pass === undefined ? '' : String(q.auto.pass),
        autoFail: q.auto?.fail === undefined ? '' : String(q.auto.fail),
      })),
    })),
  };
}

/** A number as typed, with a decimal comma or point. */
export const num = (s: string) => Number(s.replace(',', '.'));

/** The question's binding to a check: a scale's answers are numbers, a choice's option labels. */
function toBinding(q: QDraft): AutoBinding | undefined {
  if (q.autoCheck === '') return undefined;
  const value = (v: string) => (v.trim() === '' ? undefined : q.type === 'scale' ? num(v) : v);
  const pass = q.type === 'yes_no' ? undefined : value(q.autoPass);
  const fail = q.type === 'yes_no' ? undefined : value(q.autoFail);
  return {
    check: q.autoCheck,
    ...(pass === undefined ? {} : { pass }),
    ...(fail === undefined ? {} : { fail }),
  };
}

function toQuestion(q: QDraft): Question {
  const auto = toBinding(q);
  const base = {
    id: q.id,
    text: q.text.trim(),
    help: q.help.trim() || null,
    weight: num(q.weight),
    allowNa: q.allowNa,
    critical: q.critical,
    ...(auto ? { auto } : {}),
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
export function toDefinition(d: Draft): FormDefinition {
  return {
    sections: d.sections.map((s) => ({
      id: s.id,
      title: s.title.trim(),
      questions: s.questions.map(toQuestion),
    })),
    // Left out when none, as forms written before there was a choice are.
    ...(d.autoFor === 'none' ? {} : { autoFor: d.autoFor }),
  };
}

/** The body that saves the draft. */
export function toSaveBody(d: Draft) {
  return { name: d.name.trim(), description: d.description.trim() || null, definition: toDefinition(d) };
}

// ---------- edits ----------

/** The list with item `i` moved `by` places; unchanged when that leaves the list. */
export function moveItem<T>(list: readonly T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

const usedQuestionIds = (d: Draft) => new Set(d.sections.flatMap((s) => s.questions.map((q) => q.id)));

export function addSection(d: Draft): Draft {
  const id = freshId('s', new Set(d.sections.map((s) => s.id)));
  return { ...d, sections: [...d.sections, blankSection(id, freshId('q', usedQuestionIds(d)))] };
}

export function moveSection(d: Draft, index: number, by: number): Draft {
  return { ...d, sections: moveItem(d.sections, index, by) };
}

/** Removes a section; the last one stays. */
export function removeSection(d: Draft, sectionKey: number): Draft {
  if (d.sections.length <= 1) return d;
  return { ...d, sections: d.sections.filter((s) => s.key !== sectionKey) };
}

export function updateSection(d: Draft, sectionKey: number, f: (s: SDraft) => SDraft): Draft {
  return { ...d, sections: d.sections.map((s) => (s.key === sectionKey ? f(s) : s)) };
}

export function addQuestion(d: Draft, sectionKey: number): Draft {
  const q = blankQuestion(freshId('q', usedQuestionIds(d)));
  return updateSection(d, sectionKey, (s) => ({ ...s, questions: [...s.questions, q] }));
}

export function moveQuestion(d: Draft, sectionKey: number, index: number, by: number): Draft {
  return updateSection(d, sectionKey, (s) => ({ ...s, questions: moveItem(s.questions, index, by) }));
}

/** Removes a question; a section keeps its last one. */
export function removeQuestion(d: Draft, sectionKey: number, questionKey: number): Draft {
  return updateSection(d, sectionKey, (s) =>
    s.questions.length <= 1 ? s : { ...s, questions: s.questions.filter((q) => q.key !== questionKey) },
  );
}

export function patchQuestion(
  d: Draft,
  sectionKey: number,
  questionKey: number,
  patch: Partial<QDraft>,
): Draft {
  return updateSection(d, sectionKey, (s) => ({
    ...s,
    questions: s.questions.map((q) => (q.key === questionKey ? { ...q, ...patch } : q)),
  }));
}

/** A choice question's options with one of them changed. */
export function withOption(q: QDraft, index: number, patch: Partial<OptionDraft>): OptionDraft[] {
  return q.options.map((o, j) => (j === index ? { ...o, ...patch } : o));
}

/** A choice question's options without one of them; two always stay. */
export function withoutOption(q: QDraft, index: number): OptionDraft[] {
  return q.options.length <= 2 ? q.options : q.options.filter((_, j) => j !== index);
}

export function withNewOption(q: QDraft): OptionDraft[] {
  return [...q.options, { label: '', points: '0' }];
}
