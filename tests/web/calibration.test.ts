import { describe, expect, it } from 'vitest';
import {
  answerLabel,
  canCreate,
  deviationClass,
  isLead,
  isOdd,
  lowAgreement,
  mayClose,
  orDash,
  ownScoring,
  sessionLink,
  statusBadgeClass,
  submittedCount,
  withPick,
} from '../../web/src/pages/calibration/calibration.ts';

const qa = { username: 'qa', role: 'qa' } as const;
const lead = { username: 'lead', role: 'qa_lead' } as const;
const admin = { username: 'root', role: 'admin' } as const;
const part = (monitor: string, evaluationId: string | null, submitted: boolean, reference = false) => ({
  monitor,
  evaluationId,
  submitted,
  reference,
});
const session = (
  status: 'open' | 'closed',
  participants = [part('qa', null, false), part('other', 'e2', true)],
) => ({
  status,
  participants,
});

describe('who may do what in a calibration session', () => {
  it('counts leads and admins as leads', () => {
    expect(isLead(lead)).toBe(true);
    expect(isLead(admin)).toBe(true);
    expect(isLead(qa)).toBe(false);
  });

  it('lets an invited monitor start, then open his own scoring, while the session is open', () => {
    expect(ownScoring(session('open'), qa)).toEqual({ kind: 'start' });
    expect(ownScoring(session('open', [part('qa', 'e1', false)]), qa)).toEqual({
      kind: 'open',
      evaluationId: 'e1',
      submitted: false,
    });
    expect(ownScoring(session('open', [part('qa', 'e1', true)]), qa)).toMatchObject({ submitted: true });
    expect(ownScoring(session('closed'), qa)).toEqual({ kind: 'none' });
    expect(ownScoring(session('open'), lead)).toEqual({ kind: 'none' });
  });

  it('lets only a lead close, and only an open session', () => {
    expect(mayClose(session('open'), lead)).toBe(true);
    expect(mayClose(session('open'), admin)).toBe(true);
    expect(mayClose(session('open'), qa)).toBe(false);
    expect(mayClose(session('closed'), lead)).toBe(false);
  });
});

describe('the session list', () => {
  it('asks a monitor who still owes a score to score, and offers results once closed', () => {
    expect(sessionLink(session('open'), qa)).toEqual({ primary: true, label: 'qa.calibration.score' });
    expect(sessionLink(session('open'), lead)).toEqual({ primary: false, label: 'qa.worklist.open' });
    expect(sessionLink(session('open', [part('qa', 'e1', true)]), qa)).toEqual({
      primary: false,
      label: 'qa.worklist.open',
    });
    expect(sessionLink(session('closed'), qa)).toEqual({ primary: false, label: 'qa.calibration.results' });
  });

  it('counts submissions and badges the status', () => {
    expect(submittedCount(session('open'))).toBe(1);
    expect(statusBadgeClass('open')).toBe('badge badge-open');
    expect(statusBadgeClass('closed')).toBe('badge badge-locked');
  });
});

describe('a new session', () => {
  it('needs a call, a form and two monitors', () => {
    expect(canCreate(' 42 ', 1, ['a', 'b'])).toBe(true);
    expect(canCreate('  ', 1, ['a', 'b'])).toBe(false);
    expect(canCreate('42', null, ['a', 'b'])).toBe(false);
    expect(canCreate('42', 1, ['a'])).toBe(false);
  });

  it('drops the reference with the monitor unticked', () => {
    expect(withPick(['a'], '', 'b', true)).toEqual({ picked: ['a', 'b'], reference: '' });
    expect(withPick(['a', 'b'], 'b', 'b', false)).toEqual({ picked: ['a'], reference: '' });
    expect(withPick(['a', 'b'], 'a', 'b', false)).toEqual({ picked: ['a'], reference: 'a' });
  });
});

describe('results', () => {
  it('marks a deviation by its sign', () => {
    expect(deviationClass(-0.5)).toBe('delta-down');
    expect(deviationClass(1)).toBe('delta-up');
    expect(deviationClass(0)).toBeUndefined();
  });

  it('reads answers, a dash for none', () => {
    expect(answerLabel(undefined)).toEqual({ text: '—' });
    expect(answerLabel(null)).toEqual({ key: 'qa.answer.na' });
    expect(answerLabel(true)).toEqual({ key: 'qa.answer.yes' });
    expect(answerLabel(false)).toEqual({ key: 'qa.answer.no' });
    expect(answerLabel(4)).toEqual({ text: '4' });
    expect(answerLabel('polite')).toEqual({ text: 'polite' });
  });

  it('marks the answers that differ from the most common one, not the missing ones', () => {
    const q = { answers: { a: true, b: false, c: null }, mostCommon: true };
    expect(isOdd(q, 'a')).toBe(false);
    expect(isOdd(q, 'b')).toBe(true);
    expect(isOdd(q, 'c')).toBe(true);
    expect(isOdd(q, 'd')).toBe(false);
  });

  it('flags agreement under two thirds and dashes missing figures', () => {
    expect(lowAgreement(0.5)).toBe(true);
    expect(lowAgreement(0.67)).toBe(false);
    expect(orDash(null, String)).toBe('—');
    expect(orDash(0.5, (n) => n.toFixed(2))).toBe('0.50');
  });
});
