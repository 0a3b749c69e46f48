import { describe, expect, it } from 'vitest';
import type { GraderRow } from '../../schemas/graders.ts';
import { decides, openLevel, usualOrigin, workspaceMode } from '../../web/src/pages/evaluation/workspace.ts';
import { sortGraders } from '../../web/src/pages/graders/sort.ts';

const row = (monitor: string, figures: Partial<GraderRow>): GraderRow => ({
  monitor,
  displayName: monitor,
  evaluations: 0,
  timed: 0,
  medianGradingSeconds: null,
  strictness: null,
  calibrationSessions: 0,
  referenceAgreement: null,
  referenceQuestions: 0,
  disputed: 0,
  disputedShare: null,
  revised: 0,
  revisedShare: null,
  autoqaCompared: 0,
  autoqaAgreement: null,
  ...figures,
});

describe('the graders table', () => {
  const rows = [
    row('carol', { evaluations: 5, strictness: 1.5 }),
    row('alice', { evaluations: 9, strictness: null }),
    row('bob', { evaluations: 5, strictness: -3 }),
  ];
  it('sorts by a figure either way, ties by name, a missing figure last', () => {
    expect(sortGraders(rows, 'evaluations', 'desc').map((r) => r.monitor)).toEqual(['alice', 'bob', 'carol']);
    expect(sortGraders(rows, 'evaluations', 'asc').map((r) => r.monitor)).toEqual(['bob', 'carol', 'alice']);
    expect(sortGraders(rows, 'strictness', 'asc').map((r) => r.monitor)).toEqual(['bob', 'carol', 'alice']);
    expect(sortGraders(rows, 'strictness', 'desc').map((r) => r.monitor)).toEqual(['carol', 'bob', 'alice']);
    expect(sortGraders(rows, 'name', 'asc').map((r) => r.monitor)).toEqual(['alice', 'bob', 'carol']);
  });
});

describe('an appeal in the evaluation workspace', () => {
  const lead = { username: 'lead', role: 'qa_lead' } as const;
  const head = { username: 'boss', role: 'head' } as const;
  const appealed = {
    status: 'disputed' as const,
    evaluator: 'qa',
    calibrationSessionId: null,
    disputes: [
      { level: 1, status: 'upheld' },
      { level: 2, status: 'open' },
    ],
  };
  const disputed = { ...appealed, disputes: [{ level: 1, status: 'open' }] };
  it('is decided by a head, no longer by the lead; a first-level dispute the other way round', () => {
    expect(openLevel(appealed)).toBe(2);
    expect(decides(appealed, head)).toBe(true);
    expect(decides(appealed, lead)).toBe(false);
    expect(workspaceMode(appealed, head, true)).toBe('revise');
    expect(openLevel(disputed)).toBe(1);
    expect(decides(disputed, head)).toBe(false);
    expect(decides(disputed, lead)).toBe(true);
    expect(usualOrigin(appealed, head)).toBe('/appeals');
  });
});
