import { describe, expect, it } from 'vitest';
import { progressFigures } from '../../server/transcribe/progress.ts';

describe("the transcription job's figures", () => {
  it('gives the real-time factor so far and the time left at the pace of the calls tried', () => {
    // 4 of 10 calls tried (one failed) in 60 s, 150 s of audio: 15 s a call, 6 calls left.
    expect(progressFigures({ done: 3, failed: 1, total: 10, audioS: 150, wallS: 60 })).toEqual({
      done: 3,
      failed: 1,
      total: 10,
      audioS: 150,
      wallS: 60,
      rtf: 0.4,
      etaS: 90,
    });
  });

  it('says nothing it cannot know yet: no RTF before audio, no time left before a call is tried', () => {
    expect(progressFigures({ done: 0, failed: 0, total: 5, audioS: 0, wallS: 2.04 })).toMatchObject({
      rtf: null,
      etaS: null,
      wallS: 2,
    });
    // Only failures so far: a pace, but no audio to compare it with.
    expect(progressFigures({ done: 0, failed: 2, total: 4, audioS: 0, wallS: 1 })).toMatchObject({
      rtf: null,
      etaS: 1,
    });
  });
});
