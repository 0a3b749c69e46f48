import { describe, expect, it } from 'vitest';
import { INBOUND_FORM } from '../../fixtures/demo/forms.ts';
import type { FormDefinition } from '../../schemas/forms.ts';
import {
  addQuestion,
  addSection,
  blankDraft,
  type Draft,
  freshId,
  moveItem,
  moveQuestion,
  moveSection,
  patchQuestion,
  removeQuestion,
  removeSection,
  toDefinition,
  toDraft,
  toSaveBody,
  withNewOption,
  withOption,
  withoutOption,
} from '../../web/src/pages/form-builder/draft.ts';
import { fittingAnswers, previewable } from '../../web/src/pages/form-builder/preview.ts';

const ids = (d: Draft) => d.sections.map((s) => [s.id, s.questions.map((q) => q.id)]);

describe('form-builder edits', () => {
  it('starts a new form with one section of one yes/no question', () => {
    const d = blankDraft();
    expect(ids(d)).toEqual([['s1', ['q1']]]);
    expect(d.sections[0]?.questions[0]).toMatchObject({ type: 'yes_no', weight: '1', critical: 'none' });
  });

  it('gives a new question or section an id not used anywhere in the form', () => {
    expect(freshId('q', new Set(['q1', 'q3']))).toBe('q4');
    expect(freshId('q', new Set(['q2', 'q3']))).toBe('q4');
    expect(freshId('q', new Set(['q1', 'q2', 'q4']))).toBe('q5');
    let d = addSection(blankDraft());
    const second = d.sections[1]?.key ?? -1;
    d = addQuestion(d, second);
    d = addQuestion(d, d.sections[0]?.key ?? -1);
    expect(ids(d)).toEqual([
      ['s1', ['q1', 'q4']],
      ['s2', ['q2', 'q3']],
    ]);
  });

  it('moves an item within its list and leaves it when that would leave the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves sections and questions, keeping their ids', () => {
    let d = addSection(blankDraft());
    d = moveSection(d, 1, -1);
    expect(ids(d)).toEqual([
      ['s2', ['q2']],
      ['s1', ['q1']],
    ]);
    const s1 = d.sections[1]?.key ?? -1;
    d = addQuestion(d, s1);
    d = moveQuestion(d, s1, 1, -1);
    expect(ids(d)[1]).toEqual(['s1', ['q3', 'q1']]);
  });

  it('removes a section or a question, but never the last one', () => {
    const one = blankDraft();
    const only = one.sections[0];
    expect(removeSection(one, only?.key ?? -1)).toBe(one);
    expect(
      removeQuestion(one, only?.key ?? -1, only?.questions[0]?.key ?? -1).sections[0]?.questions,
    ).toHaveLength(1);
    let d = addQuestion(addSection(one), only?.key ?? -1);
    d = removeQuestion(d, only?.key ?? -1, d.sections[0]?.questions[0]?.key ?? -1);
    d = removeSection(d, d.sections[1]?.key ?? -1);
    expect(ids(d)).toEqual([['s1', ['q3']]]);
  });

  it('changes one question and edits its options, two of them always kept', () => {
    const d = blankDraft();
    const s = d.sections[0]?.key ?? -1;
    const q = d.sections[0]?.questions[0]?.key ?? -1;
    const choice = patchQuestion(d, s, q, { type: 'choice', text: 'Greeting' }).sections[0]?.questions[0];
    if (!choice) throw new Error('no question');
    expect(choice).toMatchObject({ type: 'choice', text: 'Greeting' });
    expect(withOption(choice, 1, { label: 'yes' })[1]).toEqual({ label: 'yes', points: '1' });
    expect(withoutOption(choice, 0)).toBe(choice.options);
    const three = { ...choice, options: withNewOption(choice) };
    expect(three.options).toHaveLength(3);
    expect(withoutOption(three, 0)).toEqual([
      { label: '', points: '1' },
      { label: '', points: '0' },
    ]);
  });

  it('saves numbers typed with a comma, trimmed text, and each type with its own fields', () => {
    let d = blankDraft();
    const s = d.sections[0]?.key ?? -1;
    const q = d.sections[0]?.questions[0]?.key ?? -1;
    d = { ...d, name: ' Sales call ', description: '  ' };
    d = patchQuestion(d, s, q, {
      type: 'scale',
      weight: '1,5',
      min: '1',
      max: '5',
      text: ' Tone ',
      help: ' ',
    });
    expect(toSaveBody(d)).toEqual({
      name: 'Sales call',
      description: null,
      definition: {
        sections: [
          {
            id: 's1',
            title: '',
            questions: [
              {
                id: 'q1',
                text: 'Tone',
                help: null,
                weight: 1.5,
                allowNa: false,
                critical: 'none',
                type: 'scale',
                min: 1,
                max: 5,
              },
            ],
          },
        ],
      },
    });
    expect(
      toDefinition(patchQuestion(d, s, q, { type: 'yes_no' })).sections[0]?.questions[0],
    ).not.toHaveProperty('min');
  });
});

describe('form-builder preview', () => {
  const def = (questions: FormDefinition['sections'][number]['questions']): FormDefinition => ({
    sections: [{ id: 's1', title: '', questions }],
  });
  const base = { help: null, allowNa: false, critical: 'none' as const };

  it('shows only the questions that can be answered, untitled ones named so', () => {
    const shown = previewable(
      def([
        { ...base, id: 'q1', text: '', weight: 1, type: 'yes_no' },
        { ...base, id: 'q2', text: 'zero weight', weight: 0, type: 'yes_no' },
        { ...base, id: 'q3', text: 'bad scale', weight: 1, type: 'scale', min: 5, max: 5 },
        { ...base, id: 'q4', text: 'long scale', weight: 1, type: 'scale', min: 0, max: 21 },
        {
          ...base,
          id: 'q5',
          text: 'no points',
          weight: 1,
          type: 'choice',
          options: [{ label: 'a', points: 0 }],
        },
        {
          ...base,
          id: 'q6',
          text: 'choice',
          weight: 1,
          type: 'choice',
          options: [
            { label: '', points: 3 },
            { label: 'b', points: 2 },
          ],
        },
      ]),
      'Untitled',
    );
    expect(shown.sections[0]?.title).toBe('Untitled');
    expect(shown.sections[0]?.questions.map((q) => [q.id, q.text])).toEqual([
      ['q1', 'Untitled'],
      ['q6', 'choice'],
    ]);
    const q6 = shown.sections[0]?.questions[1];
    expect(q6?.type === 'choice' && q6.options).toEqual([{ label: 'b', points: 2 }]);
    expect(
      previewable(def([{ ...base, id: 'q1', text: 'x', weight: 0, type: 'yes_no' }]), 'U').sections,
    ).toEqual([]);
  });

  it('keeps the answers that still fit, and the same object when all do', () => {
    const preview = def([
      { ...base, id: 'q1', text: 'a', weight: 1, type: 'yes_no' },
      { ...base, id: 'q2', text: 'b', weight: 1, type: 'scale', min: 1, max: 3 },
      { ...base, id: 'q3', text: 'c', weight: 1, type: 'choice', options: [{ label: 'ok', points: 1 }] },
      { ...base, id: 'q4', text: 'd', weight: 1, type: 'yes_no', allowNa: true },
    ]);
    const fit = { q1: true, q2: 3, q3: 'ok', q4: null };
    expect(fittingAnswers(preview, fit)).toBe(fit);
    expect(fittingAnswers(preview, { q1: 2, q2: 4, q3: 'gone', q5: true, q4: null })).toEqual({ q4: null });
    expect(fittingAnswers(preview, { q1: null })).toEqual({});
  });
});

describe('form-builder AutoQA bindings', () => {
  it('keeps a form’s bindings and autoFor through the draft, and writes edited ones', () => {
    const view = {
      id: 1,
      formKey: INBOUND_FORM.key,
      version: 1,
      name: INBOUND_FORM.name,
      description: INBOUND_FORM.description,
      status: 'published' as const,
      latest: true,
      definition: INBOUND_FORM.definition,
      createdAt: '2026-10-01T00:00:00.000Z',
      createdBy: null,
      evaluations: 0,
    };
    const d = toDraft(view);
    expect(d.autoFor).toBe('inbound');
    // Unchanged, the draft saves the definition it was read from.
    expect(toDefinition(d)).toEqual(INBOUND_FORM.definition);

    const s = d.sections[0];
    const q = s?.questions[1];
    if (!s || !q) throw new Error('the demo form has a second opening question');
    let edited = patchQuestion(d, s.key, q.key, { autoCheck: 'greeting' });
    edited = { ...edited, autoFor: 'all' };
    const def = toDefinition(edited);
    expect(def.autoFor).toBe('all');
    expect(def.sections[0]?.questions[1]?.auto).toEqual({ check: 'greeting' });

    // A scale question's pass / fail are numbers; a yes/no question takes none.
    let scale = blankDraft();
    const sk = scale.sections[0]?.key ?? 0;
    const qk = scale.sections[0]?.questions[0]?.key ?? 0;
    scale = patchQuestion(scale, sk, qk, {
      type: 'scale',
      autoCheck: 'courtesy',
      autoPass: '5',
      autoFail: '2',
    });
    expect(toDefinition(scale).sections[0]?.questions[0]?.auto).toEqual({
      check: 'courtesy',
      pass: 5,
      fail: 2,
    });
    scale = patchQuestion(scale, sk, qk, { type: 'yes_no' });
    expect(toDefinition(scale).sections[0]?.questions[0]?.auto).toEqual({ check: 'courtesy' });
    // No binding, no autoFor: the definition has neither key.
    const plain = toDefinition(blankDraft());
    expect(Object.hasOwn(plain, 'autoFor')).toBe(false);
    expect(Object.hasOwn(plain.sections[0]?.questions[0] ?? {}, 'auto')).toBe(false);
  });
});
