import { describe, expect, it } from 'vitest';
import {
  commentOffset,
  decides,
  disputeOpen,
  scoreText,
  usualOrigin,
  workspaceMode,
} from '../../web/src/pages/evaluation/workspace.ts';

const qa = { username: 'qa', role: 'qa' } as const;
const lead = { username: 'lead', role: 'qa_lead' } as const;
const operator = { username: 'op', role: 'operator' } as const;
const ev = (status: 'draft' | 'submitted' | 'disputed', calibrationSessionId: number | null = null) => ({
  status,
  evaluator: 'qa',
  calibrationSessionId,
});

describe('the evaluation workspace', () => {
  it('lets the evaluator answer his own draft, and nobody else', () => {
    expect(workspaceMode(ev('draft'), qa, false)).toBe('edit');
    expect(workspaceMode(ev('draft'), lead, false)).toBe('read');
    expect(workspaceMode(ev('submitted'), qa, false)).toBe('read');
  });

  it('lets a lead other than the evaluator revise a disputed evaluation once he chooses to', () => {
    expect(decides(ev('disputed'), lead)).toBe(true);
    expect(workspaceMode(ev('disputed'), lead, false)).toBe('read');
    expect(workspaceMode(ev('disputed'), lead, true)).toBe('revise');
    expect(decides({ ...ev('disputed'), evaluator: 'lead' }, lead)).toBe(false);
    expect(workspaceMode(ev('disputed'), qa, true)).toBe('read');
    expect(decides(ev('submitted'), { username: 'root', role: 'admin' })).toBe(false);
  });

  it('knows where an evaluation usually opens from, for a back link when its origin is unknown', () => {
    expect(usualOrigin(ev('submitted'), operator)).toBe('/my-evaluations');
    expect(usualOrigin(ev('submitted', 7), lead)).toBe('/calibration/7');
    expect(usualOrigin(ev('disputed'), lead)).toBe('/disputes');
    expect(usualOrigin(ev('disputed'), qa)).toBe('/worklist');
    expect(usualOrigin({ ...ev('submitted'), status: 'revised' }, lead)).toBe('/disputes');
    expect(usualOrigin(ev('submitted'), { username: 'boss', role: 'head' })).toBe('/worklist');
  });

  it('keeps the dispute window open until its end', () => {
    const until = '2026-10-08T12:00:00.000Z';
    expect(disputeOpen(until, Date.parse(until) - 1)).toBe(true);
    expect(disputeOpen(until, Date.parse(until))).toBe(false);
    expect(disputeOpen(null, 0)).toBe(false);
  });

  it('comments at the moment of the recording to a tenth of a second, or at none', () => {
    expect(commentOffset(true, 12.345)).toBe(12.3);
    expect(commentOffset(true, 0)).toBe(0);
    expect(commentOffset(false, 12.345)).toBeNull();
  });

  it('writes a result score with two decimals, or a dash', () => {
    const fmt = { decimal: (n: number, d: number) => n.toFixed(d) };
    expect(scoreText(87.5, fmt)).toBe('87.50');
    expect(scoreText(null, fmt)).toBe('—');
  });
});
