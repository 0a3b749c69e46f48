import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { parsePastedTranscript } from '../../server/autoqa/pasted-transcript.ts';

const fails = (text: string) => {
  try {
    parsePastedTranscript(text);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('read without an error');
};

describe('a pasted transcript', () => {
  it('reads one segment a line, each side by any of its names, times in every written form', () => {
    const segments = parsePastedTranscript(
      [
        '[00:01] Agent: Good morning.',
        '',
        '[0:00:04.5] оператор: Добрый день.',
        '6.0-8.25 client: I need sugar.',
        '[00:09-00:12] clientul: Și făină.',
        'unknown: mhm',
      ].join('\n'),
    );
    expect(segments).toEqual([
      { seq: 1, speaker: 'agent', startS: 1, endS: 4.2, text: 'Good morning.' },
      { seq: 2, speaker: 'agent', startS: 4.5, endS: 5.7, text: 'Добрый день.' },
      { seq: 3, speaker: 'customer', startS: 6, endS: 8.25, text: 'I need sugar.' },
      { seq: 4, speaker: 'customer', startS: 9, endS: 12, text: 'Și făină.' },
      // No times: after the line before, at speech rate (at least a second).
      { seq: 5, speaker: 'unknown', startS: 12.3, endS: 13.3, text: 'mhm' },
    ]);
  });

  it('times lines written without any at speech rate, one after the other', () => {
    const segments = parsePastedTranscript('agent: one two three four five\ncustomer: yes');
    expect(segments.map((s) => [s.startS, s.endS])).toEqual([
      [0, 2],
      [2.3, 3.3],
    ]);
  });

  it('reads a canonical JSON transcript', () => {
    const segments = parsePastedTranscript(
      JSON.stringify({ segments: [{ speaker: 'customer', start_s: 1, end_s: 2, text: ' hi ' }] }),
    );
    expect(segments).toEqual([{ seq: 1, speaker: 'customer', startS: 1, endS: 2, text: 'hi' }]);
  });

  it('names the first line it cannot read', () => {
    expect(fails('agent: hi\nNote: this is not said')).toMatch(/^line 2: does not start with its speaker/);
    expect(fails('agent: hi\ncustomer:')).toBe('line 2: has a speaker but no words');
    expect(fails('[00:10] agent: hi\n[00:05] customer: hello')).toMatch(/^line 2: starts at 5 s, before/);
    expect(fails('14.0-12.5 agent: hi')).toMatch(/^line 1: ends \(12.5 s\) before it starts/);
    expect(fails('\n \n')).toBe('the transcript has no lines');
    expect(fails('{"segments": ')).toMatch(/^the transcript is not JSON: /);
    expect(fails('{"segments": []}')).toBe('the JSON transcript has no "segments" list');
    expect(fails('{"segments": [{"speaker": "agent", "start_s": 3, "end_s": 1, "text": "x"}]}')).toMatch(
      /^segment 1: /,
    );
  });
});
