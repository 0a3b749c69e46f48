import { describe, expect, it } from 'vitest';
import { fileStem } from '../../etl/transcripts/per-call.ts';
import { speakerOf } from '../../etl/transcripts/speakers.ts';
import { cueText, parseWebVtt, vttSeconds } from '../../etl/transcripts/webvtt.ts';
import { parseWhisper } from '../../etl/transcripts/whisper.ts';

describe('reading WebVTT', () => {
  it('reads both shapes of a time, hours of any length, and nothing else', () => {
    expect(vttSeconds('00:01.250')).toBe(1.25);
    expect(vttSeconds('01:02:03.004')).toBe(3723.004);
    expect(vttSeconds('100:00:00.000')).toBe(360000);
    for (const bad of ['00:00:01', '0:01.000', '00:60.000', '00:01,000', '1.5'])
      expect(vttSeconds(bad)).toBeNull();
  });

  it('takes the speaker from a voice span or a leading label, and reads entities', () => {
    expect(cueText(['<v Оператор Ольга>Добрый день']).speaker).toBe('agent');
    expect(cueText(['<c.yellow><v Clientul>Bună ziua</v></c>'])).toEqual({
      speaker: 'customer',
      text: 'Bună ziua',
    });
    expect(cueText(['Caller: I need &lt;20&gt; bags &amp; more'])).toEqual({
      speaker: 'customer',
      text: 'I need <20> bags & more',
    });
    expect(cueText(['- Ten bags.', '- Fine.'])).toEqual({ speaker: 'unknown', text: '- Ten bags. - Fine.' });
    expect(speakerOf('SPEAKER_00')).toBe('unknown');
  });

  it('reads CR line ends, and sets aside a cue whose bytes are not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(
        'WEBVTT\r\rNOTE a note\r\r00:00.000 --> 00:01.000\r<v Agent>Hello\r\r00:01.000 --> 00:02.000\r<v Customer>Bun',
      ),
      Buffer.from([0xe3]),
      Buffer.from('\r'),
    ]);
    const parsed = parseWebVtt(bytes, 'K1.ro.vtt');
    expect(parsed.rows.map((r) => [r.line, r.idx, r.speaker, r.text, r.problem])).toEqual([
      [5, 1, 'agent', 'Hello', null],
      [8, 0, null, null, "is not UTF-8 text (see the note on the file's encoding)"],
    ]);
  });

  it('names a call by the file: its id, or its recording, without extensions and language', () => {
    expect(fileStem('CALL-1.vtt')).toEqual({ stem: 'CALL-1', language: null });
    expect(fileStem('CALL-1.ru.vtt.gz')).toEqual({ stem: 'CALL-1', language: 'ru' });
    expect(fileStem('in-1001-20261001.wav.json')).toEqual({ stem: 'in-1001-20261001', language: null });
    // an Asterisk uniqueid keeps its dot
    expect(fileStem('1759644001.12.vtt')).toEqual({ stem: '1759644001.12', language: null });
  });
});

describe("reading whisper's JSON", () => {
  it('refuses what is not whisper output, naming the file', () => {
    expect(() => parseWhisper(Buffer.from('{"text": "x"}'), 'a.json')).toThrow(
      /a.json is not whisper's JSON/,
    );
    expect(() => parseWhisper(Buffer.from('{oops'), 'a.json')).toThrow(/cannot read a.json as whisper-json/);
  });

  it('reads whisperX speakers as voices, and a segment that is not an object as a bad one', () => {
    const parsed = parseWhisper(
      Buffer.from(
        JSON.stringify({
          language: 'en',
          segments: [
            { start: 0, end: 1, text: ' Hi', speaker: 'agent' },
            'oops',
            { start: 1, end: 2, text: ' Yo', speaker: 'SPEAKER_01' },
          ],
        }),
      ),
      'x.json',
    );
    expect(parsed.rows.map((r) => [r.line, r.idx, r.speaker, r.problem])).toEqual([
      [1, 1, 'agent', null],
      [2, 0, null, 'is not a segment object'],
      [3, 3, 'unknown', null],
    ]);
  });
});
