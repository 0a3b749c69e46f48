import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import type { Format } from '../../schemas/import-report.ts';
import { importCsv, SMALL, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
  await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
  await importCsv(
    env,
    'calls',
    'calls.csv',
    'call_id,started_at,direction,disposition,operator_id,recording\n' +
      'K1,2026-10-01T09:00:00Z,inbound,answered,OP-1,2026/10/01/in-1001-20261001-090000.wav\n' +
      'K2,2026-10-01T10:00:00Z,inbound,answered,OP-2,2026/10/01/in-1002-20261001-100000.wav\n' +
      'K3,2026-10-01T11:00:00Z,outbound,answered,OP-3,\n',
  );
});
afterEach(() => env.dispose());

/** Writes `content` as `name` in the data directory and imports it as transcripts. */
const load = (name: string, content: string | Buffer, format?: Format) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, content);
  return importFile(env.rt, {
    kind: 'transcripts',
    file,
    actor: 'test',
    timeZone: 'UTC',
    ...(format ? { format } : {}),
  });
};
const rows = (sql: string) => env.rt.analytics.rows(sql);
const segments = (callId: string) =>
  rows(
    `SELECT seq, speaker, start_s, end_s, text, confidence FROM transcript_segments WHERE call_id = '${callId}' ORDER BY seq`,
  );
const transcripts = () =>
  rows('SELECT call_id, language, engine, speakers_known, segment_count FROM transcripts ORDER BY call_id');
const invariant = (r: {
  read: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
  transcripts?: { read: number; loaded: number; quarantined: number; duplicates: number };
}) => {
  expect(r.read).toBe(r.loaded + r.quarantined + r.duplicates);
  const t = r.transcripts;
  if (t) expect(t.read).toBe(t.loaded + t.quarantined + t.duplicates);
};

const seg = (speaker: string, start: number | string, end: number | string, text: string, extra = {}) => ({
  speaker,
  start_s: start,
  end_s: end,
  text,
  ...extra,
});
const line = (o: unknown) => JSON.stringify(o);

describe('transcripts as canonical JSON Lines', () => {
  it('loads a transcript per line, its segments ordered by start time, then file order', async () => {
    const report = await load(
      't.jsonl',
      [
        line({
          call_id: 'K1',
          language: 'RU',
          engine: 'whisper-base',
          segments: [
            seg('customer', 3.6, 6, 'Здравствуйте, я хочу заказать сахар.'),
            seg('agent', 0, 3.1, 'Добрый день, Норд Дистрибьюшн.', { confidence: 0.93 }),
            // the same start as the one before it: file order decides
            seg('agent', '3.6', '4', 'Да, слушаю.'),
          ],
        }),
        '',
        line({ call_id: 'K2', language: 'en', segments: [seg('unknown', 0, 2, 'hello')] }),
      ].join('\n'),
    );
    invariant(report);
    expect(report).toMatchObject({ format: 'jsonl', read: 4, loaded: 4, quarantined: 0, duplicates: 0 });
    expect(report.transcripts).toEqual({ read: 2, loaded: 2, replaced: 0, quarantined: 0, duplicates: 0 });
    expect(await transcripts()).toEqual([
      { call_id: 'K1', language: 'ru', engine: 'whisper-base', speakers_known: true, segment_count: 3 },
      { call_id: 'K2', language: 'en', engine: null, speakers_known: false, segment_count: 1 },
    ]);
    expect(await segments('K1')).toEqual([
      {
        seq: 1,
        speaker: 'agent',
        start_s: 0,
        end_s: 3.1,
        text: 'Добрый день, Норд Дистрибьюшн.',
        confidence: 0.93,
      },
      {
        seq: 2,
        speaker: 'customer',
        start_s: 3.6,
        end_s: 6,
        text: 'Здравствуйте, я хочу заказать сахар.',
        confidence: null,
      },
      { seq: 3, speaker: 'agent', start_s: 3.6, end_s: 4, text: 'Да, слушаю.', confidence: null },
    ]);
  });

  it('quarantines each bad line and bad segment with its line and reason; the rest loads', async () => {
    const report = await load(
      'bad.jsonl',
      [
        /* 1 */ line({
          call_id: 'K1',
          language: 'ru',
          segments: [
            seg('agent', 0, 2, 'Добрый день.'),
            seg('agent', -1, 2, 'negative'),
            seg('customer', 5, 4, 'backwards'),
            seg('agent', 6, 7, '   '),
            seg('operator', 8, 9, 'unknown label'),
            seg('agent', 'soon', 9, 'not a number'),
            seg('agent', 10, 11, 'too sure', { confidence: 1.5 }),
          ],
        }),
        /* 2 */ '{"call_id": "K2", "language": "ru", "segments": [',
        /* 3 */ '["not", "an", "object"]',
        /* 4 */ line({ call_id: 'K2', language: 'ru' }),
        /* 5 */ line({ call_id: 'K2', language: 'ru', segments: 'none' }),
        /* 6 */ line({ call_id: 'K2', language: 'ru', segments: [] }),
        /* 7 */ line({
          call_id: 'NOPE',
          language: 'ru',
          segments: [seg('agent', 0, 1, 'a'), seg('agent', 1, 2, 'b')],
        }),
        /* 8 */ line({ call_id: 'K2', language: 'rus', segments: [seg('agent', 0, 1, 'a')] }),
        /* 9 */ line({ language: 'ru', segments: [seg('agent', 0, 1, 'a')] }),
        /* 10 */ line({ call_id: 'K3', segments: [seg('agent', 0, 1, 'a')] }),
      ].join('\n'),
    );
    invariant(report);
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [1, 'start_s: is negative'],
      [1, 'end_s: is before start_s'],
      [1, 'text: is empty'],
      [1, 'speaker: "operator" is not one of agent, customer, unknown'],
      [1, 'start_s: is not a number of seconds'],
      [1, 'confidence: is not a number from 0 to 1'],
      [2, 'the line is not JSON'],
      [3, 'the line is not a JSON object'],
      [4, 'segments: is required'],
      [5, 'segments: is not a list of segments'],
      [6, 'segments: is empty'],
      [7, 'call_id: "NOPE" is not a known call; import calls first'],
      [7, 'call_id: "NOPE" is not a known call; import calls first'],
      [8, 'language: "rus" is not a two-letter ISO 639-1 code'],
      [9, 'call_id: is required'],
      [10, 'language: is required'],
    ]);
    // A segment quarantined is kept as a record of its own, its transcript's fields with it.
    expect(JSON.parse(report.quarantine[0]?.raw ?? '')).toMatchObject({
      call_id: 'K1',
      speaker: 'agent',
      start_s: '-1',
    });
    expect(report.quarantine[6]?.raw).toBe('{"call_id": "K2", "language": "ru", "segments": [');
    expect(report).toMatchObject({ read: 17, loaded: 1, quarantined: 16, duplicates: 0 });
    expect(report.transcripts).toEqual({ read: 10, loaded: 1, replaced: 0, quarantined: 9, duplicates: 0 });
    expect(await transcripts()).toEqual([
      { call_id: 'K1', language: 'ru', engine: null, speakers_known: true, segment_count: 1 },
    ]);
    // Every quarantined row is in the import log, as the report counts them.
    const logged = await env.rt.db.selectFrom('import_quarantine').select('line').execute();
    expect(logged).toHaveLength(16);
  });

  it('a call twice in one file: the same transcript is a duplicate, another is quarantined', async () => {
    const k1 = line({ call_id: 'K1', language: 'en', segments: [seg('agent', 0, 1, 'hello')] });
    const report = await load(
      'twice.jsonl',
      [k1, k1, line({ call_id: 'K1', language: 'en', segments: [seg('agent', 0, 1, 'good bye')] })].join(
        '\n',
      ),
    );
    invariant(report);
    expect(report.transcripts).toEqual({ read: 3, loaded: 1, replaced: 0, quarantined: 1, duplicates: 1 });
    expect(report.quarantine).toEqual([
      {
        line: 3,
        reason: 'call_id "K1" is already on line 1 of this file, with other segments',
        raw: expect.stringContaining('good bye'),
      },
    ]);
    expect(await segments('K1')).toMatchObject([{ text: 'hello' }]);
  });

  it('loads a line that is not UTF-8 with \uFFFD for its bad bytes, and says which line it was', async () => {
    const good = line({ call_id: 'K1', language: 'ro', segments: [seg('agent', 0, 1, 'Bună ziua')] });
    const bad = Buffer.concat([
      Buffer.from(
        '{"call_id": "K2", "language": "ro", "segments": [{"speaker": "agent", "start_s": 0, "end_s": 1, "text": "Bun',
      ),
      Buffer.from([0xe3]), // ă in ISO-8859-2, not UTF-8
      Buffer.from(' ziua"}]}'),
    ]);
    const report = await load(
      'latin2.jsonl',
      Buffer.concat([Buffer.from(`${good}\n`), bad, Buffer.from(`\n${good}\n`)]),
    );
    invariant(report);
    expect(report.quarantine).toEqual([]);
    expect(report.notes.join(' ')).toMatch(
      /^1 row had bytes that are not UTF-8 \(line 2\): replaced with \uFFFD and loaded; .*--encoding/,
    );
    // line 3 repeats line 1: a duplicate, counted on its own line
    expect(report.transcripts).toMatchObject({ read: 3, loaded: 2, quarantined: 0, duplicates: 1 });
    expect(await segments('K2')).toMatchObject([{ text: 'Bun\uFFFD ziua' }]);
  });

  it('a line too long to read is quarantined with its size; the others load', async () => {
    const before = process.env.CALLSCORE_MAX_LINE_BYTES;
    process.env.CALLSCORE_MAX_LINE_BYTES = '4000';
    try {
      const long = line({ call_id: 'K2', language: 'en', segments: [seg('agent', 0, 1, 'x'.repeat(5000))] });
      const report = await load(
        'long.jsonl',
        [line({ call_id: 'K1', language: 'en', segments: [seg('agent', 0, 1, 'hi')] }), long].join('\n'),
      );
      invariant(report);
      expect(report.quarantine).toEqual([
        {
          line: 2,
          raw: '',
          reason: expect.stringMatching(/^the line is 50\d\d bytes, over the limit of 4000 bytes/),
        },
      ]);
      expect(report.transcripts).toMatchObject({ loaded: 1, quarantined: 1 });
    } finally {
      if (before === undefined) delete process.env.CALLSCORE_MAX_LINE_BYTES;
      else process.env.CALLSCORE_MAX_LINE_BYTES = before;
    }
  });
});

describe('a newer transcript of a call replaces the older one; the same file again is a no-op', () => {
  it('replaces whole, counts duplicates, and changes nothing on a re-import', async () => {
    const first = [
      line({
        call_id: 'K1',
        language: 'en',
        segments: [seg('agent', 0, 1, 'a'), seg('customer', 1, 2, 'b'), seg('agent', 2, 3, 'c')],
      }),
      line({ call_id: 'K2', language: 'en', segments: [seg('agent', 0, 1, 'same')] }),
    ].join('\n');
    const one = await load('one.jsonl', first);
    expect(one.transcripts).toMatchObject({ loaded: 2, replaced: 0 });

    const again = await load('one-again.jsonl', first);
    expect(again).toMatchObject({ status: 'already_imported', read: 0, loaded: 0 });

    const newer = await load(
      'two.jsonl',
      [
        line({ call_id: 'K1', language: 'en', engine: 'v2', segments: [seg('agent', 0, 1.5, 'a, better')] }),
        line({ call_id: 'K2', language: 'en', segments: [seg('agent', 0, 1, 'same')] }),
      ].join('\n'),
    );
    invariant(newer);
    expect(newer).toMatchObject({ read: 2, loaded: 1, quarantined: 0, duplicates: 1 });
    expect(newer.transcripts).toEqual({ read: 2, loaded: 1, replaced: 1, quarantined: 0, duplicates: 1 });
    expect(await segments('K1')).toEqual([
      { seq: 1, speaker: 'agent', start_s: 0, end_s: 1.5, text: 'a, better', confidence: null },
    ]);
    expect(await transcripts()).toMatchObject([
      { call_id: 'K1', engine: 'v2', segment_count: 1 },
      { call_id: 'K2', segment_count: 1 },
    ]);
    const [count] = await rows('SELECT count(*)::INTEGER AS n FROM transcript_segments');
    expect(count?.n).toBe(2);
    // Each segment is stored with its words, cut as AutoQA cuts phrases; the replaced ones went.
    expect(await rows('SELECT call_id, seq, words FROM transcript_segments ORDER BY call_id, seq')).toEqual([
      { call_id: 'K1', seq: 1, words: ['a,', 'better'] },
      { call_id: 'K2', seq: 1, words: ['same'] },
    ]);
  });
});

describe('transcripts as a CSV of segments', () => {
  it('groups the rows of a call wherever they are; reports bad rows by line', async () => {
    const report = await load(
      'segments.csv',
      'call_id,speaker,start_s,end_s,text,language,confidence,channel\n' +
        'K1,agent,0,2.5,"Good morning, Nord Distribution",en,0.9,L\n' +
        'K2,customer,1,2,Hello,en,,R\n' +
        'K1,customer,3,4,I need sugar,en,,R\n' +
        'K1,agent,5,4,backwards,en,,L\n' +
        'K1,agent,6,7,In Romanian,ro,,L\n' +
        'K2,agent,0,1,Hi\n' +
        'NOPE,agent,0,1,who,en,,L\n' +
        'K2,agent,2,3,"Say ""yes""",en,,L\n',
    );
    invariant(report);
    expect(report.format).toBe('csv');
    expect(report.ignoredColumns).toEqual(['channel']);
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [5, 'end_s: is before start_s'],
      [6, 'language: "ro" is not the call\'s language, "en" on line 2'],
      [7, 'has 5 fields where the header has 8'],
      [8, 'call_id: "NOPE" is not a known call; import calls first'],
    ]);
    expect(report.quarantine[0]?.raw).toBe('K1,agent,5,4,backwards,en,,');
    expect(report.transcripts).toEqual({ read: 3, loaded: 2, replaced: 0, quarantined: 1, duplicates: 0 });
    expect(await segments('K2')).toMatchObject([
      { seq: 1, speaker: 'customer', text: 'Hello' },
      { seq: 2, speaker: 'agent', text: 'Say "yes"' },
    ]);
    expect(await segments('K1')).toMatchObject([
      { seq: 1, text: 'Good morning, Nord Distribution', confidence: 0.9 },
      { seq: 2, text: 'I need sugar' },
    ]);
  });

  it('refuses a file without a required column, naming it', async () => {
    await expect(load('x.csv', 'call_id,speaker,start_s,text\nK1,agent,0,hi\n')).rejects.toThrow(
      /has no column end_s \(required for transcripts\)/,
    );
    expect(
      await env.rt.db.selectFrom('imports').select('id').where('kind', '=', 'transcripts').execute(),
    ).toEqual([]);
  });
});

/** A WebVTT file as tools write it: BOM, CRLF, header, NOTE and STYLE blocks, cue ids and settings. */
const VTT = [
  '\uFEFFWEBVTT - call K1',
  'Kind: captions',
  'Language: ro',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'NOTE exported by the PBX',
  'second line of the note',
  '',
  '1',
  '00:00:00.500 --> 00:00:03.000 align:start position:10%',
  '<v Agent>Bună ziua, Nord Distribution,',
  'mă numesc Ana.</v>',
  '',
  'cue-2',
  '00:03.200 --> 00:05.000',
  '<v.loud Customer Ion>Bună, vreau zahăr &amp; ulei.',
  '',
  '00:00:05.500 --> 00:00:06.000',
  'Agent: Desigur.',
  '',
  '00:00:06.000 --> 00:00:07.000',
  'Note: this is said, not a label',
  '',
  '00:00:07.000 --> 00:00:08.000',
  '<v Speaker 2>Mulțumesc',
  '',
  '00:00:09 --> 00:00:10.000',
  'times without milliseconds',
  '',
  'a block without times',
  '',
  '00:00:11.000 --> 00:00:12.000',
  '<v Client>   ',
  '',
].join('\r\n');

describe('per-call WebVTT files', () => {
  it('reads cues, voices and labels; quarantines what is not a cue', async () => {
    const report = await load('K1.vtt', VTT);
    invariant(report);
    expect(report.format).toBe('vtt');
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [29, 'the cue times are not WebVTT times (hh:mm:ss.ttt or mm:ss.ttt)'],
      [32, 'is not a cue: it has no timing line (start --> end)'],
      [34, 'text: is empty'],
    ]);
    expect(report.quarantine[0]?.raw).toBe('00:00:09 --> 00:00:10.000\ntimes without milliseconds');
    expect(await transcripts()).toEqual([
      { call_id: 'K1', language: 'ro', engine: null, speakers_known: true, segment_count: 5 },
    ]);
    expect(await segments('K1')).toEqual([
      {
        seq: 1,
        speaker: 'agent',
        start_s: 0.5,
        end_s: 3,
        text: 'Bună ziua, Nord Distribution, mă numesc Ana.',
        confidence: null,
      },
      {
        seq: 2,
        speaker: 'customer',
        start_s: 3.2,
        end_s: 5,
        text: 'Bună, vreau zahăr & ulei.',
        confidence: null,
      },
      { seq: 3, speaker: 'agent', start_s: 5.5, end_s: 6, text: 'Desigur.', confidence: null },
      {
        seq: 4,
        speaker: 'unknown',
        start_s: 6,
        end_s: 7,
        text: 'Note: this is said, not a label',
        confidence: null,
      },
      { seq: 5, speaker: 'unknown', start_s: 7, end_s: 8, text: 'Mulțumesc', confidence: null },
    ]);
  });

  it('finds the call by its recording, and the language by the file name', async () => {
    const report = await load(
      'in-1002-20261001-100000.en.vtt',
      'WEBVTT\n\n01:00:00.000 --> 01:00:01.000\nCustomer: hello\n',
    );
    expect(report.quarantine).toEqual([]);
    expect(await transcripts()).toEqual([
      { call_id: 'K2', language: 'en', engine: null, speakers_known: true, segment_count: 1 },
    ]);
    expect(await segments('K2')).toMatchObject([
      { speaker: 'customer', start_s: 3600, end_s: 3601, text: 'hello' },
    ]);
  });

  it('a file naming no call, or no language, is quarantined whole', async () => {
    const nobody = await load(
      'K9.en.vtt',
      'WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n\n00:01.000 --> 00:02.000\nbye\n',
    );
    invariant(nobody);
    expect(nobody.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [3, 'the file name "K9" is not a known call_id nor a call\'s recording; import calls first'],
      [6, 'the file name "K9" is not a known call_id nor a call\'s recording; import calls first'],
    ]);
    const mute = await load('K3.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n');
    expect(mute.quarantine.map((q) => q.reason)).toEqual([
      'language: is required (a "Language: ru" line in the WebVTT header, or the file named K3.ru.vtt)',
    ]);
    expect(await transcripts()).toEqual([]);
  });

  it('two calls whose files have the same bytes get a transcript each; the same file again is a no-op', async () => {
    const hello = 'WEBVTT\nLanguage: ro\n\n00:00.000 --> 00:01.000\nAgent: Alo\n';
    expect((await load('K1.vtt', hello)).status).toBe('done');
    expect((await load('K2.vtt', hello)).status).toBe('done');
    expect((await load('K1.vtt', hello)).status).toBe('already_imported');
    expect((await transcripts()).map((t) => t.call_id)).toEqual(['K1', 'K2']);
  });

  it('refuses a file that is not WebVTT', async () => {
    await expect(load('K1.vtt', 'hello\n')).rejects.toThrow(/K1.vtt is not WebVTT/);
  });
});

describe("whisper's JSON output", () => {
  it('reads openai-whisper output, named by the recording with its audio extension', async () => {
    const whisper = {
      text: ' Добрый день. Алло?',
      language: 'ru',
      segments: [
        {
          id: 0,
          seek: 0,
          start: 0.0,
          end: 2.4,
          text: ' Добрый день.',
          tokens: [1, 2],
          temperature: 0,
          avg_logprob: -0.2,
          compression_ratio: 1.1,
          no_speech_prob: 0.01,
        },
        {
          id: 1,
          seek: 0,
          start: 2.4,
          end: 2.4,
          text: ' Алло?',
          tokens: [3],
          temperature: 0,
          avg_logprob: -0.3,
          compression_ratio: 1.1,
          no_speech_prob: 0.02,
        },
        {
          id: 2,
          seek: 0,
          start: 3.0,
          end: 4.0,
          text: ' ',
          tokens: [],
          temperature: 0,
          avg_logprob: -1,
          compression_ratio: 1,
          no_speech_prob: 0.9,
        },
      ],
    };
    const report = await load('in-1001-20261001-090000.wav.json', JSON.stringify(whisper));
    invariant(report);
    expect(report.format).toBe('whisper-json');
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([[3, 'text: is empty']]);
    expect(await transcripts()).toEqual([
      { call_id: 'K1', language: 'ru', engine: 'whisper', speakers_known: false, segment_count: 2 },
    ]);
    expect(await segments('K1')).toMatchObject([
      { seq: 1, speaker: 'unknown', start_s: 0, end_s: 2.4, text: 'Добрый день.' },
      { seq: 2, speaker: 'unknown', start_s: 2.4, end_s: 2.4, text: 'Алло?' },
    ]);
  });

  it('reads whisper.cpp output (offsets in milliseconds), pretty-printed', async () => {
    const cpp = {
      systeminfo: 'AVX = 1',
      model: { type: 'base' },
      params: { language: 'auto' },
      result: { language: 'en' },
      transcription: [
        {
          timestamps: { from: '00:00:00,000', to: '00:00:02,500' },
          offsets: { from: 0, to: 2500 },
          text: ' Hello, Nord Distribution.',
        },
        {
          timestamps: { from: '00:00:02,500', to: '00:00:04,000' },
          offsets: { from: 2500, to: 4000 },
          text: ' I need flour.',
        },
      ],
    };
    const report = await load('K3.json', JSON.stringify(cpp, null, 2));
    expect(report).toMatchObject({ format: 'whisper-json', loaded: 2, quarantined: 0 });
    expect(await transcripts()).toEqual([
      { call_id: 'K3', language: 'en', engine: 'whisper.cpp', speakers_known: false, segment_count: 2 },
    ]);
    expect(await segments('K3')).toMatchObject([
      { start_s: 0, end_s: 2.5, text: 'Hello, Nord Distribution.' },
      { start_s: 2.5, end_s: 4, text: 'I need flour.' },
    ]);
  });
});
