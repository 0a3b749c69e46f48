import { describe, expect, it } from 'vitest';
import { proposalState, sameAnswer } from '../../web/src/pages/evaluation/auto-answers.ts';
import { createPlayhead, segmentAt } from '../../web/src/pages/evaluation/playhead.ts';

const segments = [
  { startS: 0.5, endS: 3 },
  { startS: 4, endS: 8 },
  { startS: 7.5, endS: 9 },
];

describe('the transcript beside the player', () => {
  it('highlights the segment being heard: the latest started and not ended, none in a gap', () => {
    expect(segmentAt(segments, 0)).toBe(-1);
    expect(segmentAt(segments, 0.5)).toBe(0);
    expect(segmentAt(segments, 3.5)).toBe(-1);
    expect(segmentAt(segments, 5)).toBe(1);
    // Two overlapping segments (one talks over the other): the one that started last.
    expect(segmentAt(segments, 7.8)).toBe(2);
    expect(segmentAt(segments, 9)).toBe(-1);
    expect(segmentAt([], 1)).toBe(-1);
  });

  it('tells its listeners where the recording is, only when it moves', () => {
    const playhead = createPlayhead();
    const heard: number[] = [];
    const off = playhead.subscribe(() => heard.push(playhead.get()));
    playhead.set(1.5);
    playhead.set(1.5);
    playhead.set(4);
    off();
    playhead.set(6);
    expect(heard).toEqual([1.5, 4]);
    expect(playhead.get()).toBe(6);
  });
});

describe("AutoQA's proposed answer on a question", () => {
  const auto = { proposes: true, proposed: false, decision: null } as const;
  it('is open until accepted, overridden as soon as the answer differs', () => {
    expect(proposalState(auto, false, false, true)).toBe('open');
    expect(proposalState(auto, false, true, true)).toBe('accepted');
    expect(proposalState(auto, true, true, true)).toBe('overridden');
    expect(proposalState(auto, undefined, false, true)).toBe('overridden');
  });

  it('shows what the server recorded once submitted', () => {
    expect(proposalState({ proposes: true, proposed: 4, decision: 'overridden' }, 5, false, false)).toBe(
      'overridden',
    );
    expect(proposalState({ proposes: true, proposed: 4, decision: 'accepted' }, 4, false, false)).toBe(
      'accepted',
    );
    expect(proposalState({ proposes: true, proposed: 4, decision: null }, 4, false, false)).toBe('open');
  });

  it('offers nothing to accept where the result gave the question no answer', () => {
    const none = { proposes: false, proposed: null, decision: null } as const;
    expect(proposalState(none, undefined, false, true)).toBe('open');
    expect(proposalState(none, true, false, true)).toBe('open');
    expect(proposalState(none, true, false, false)).toBe('open');
  });

  it('compares answers by value, N/A included', () => {
    expect(sameAnswer(null, null)).toBe(true);
    expect(sameAnswer('None', 'None')).toBe(true);
    expect(sameAnswer(0, false)).toBe(false);
    expect(sameAnswer(undefined, undefined)).toBe(false);
  });
});
