import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { compileMapping } from '../../etl/mapping/compile.sql.ts';
import { mappedOptions } from '../../etl/mapping/mapped-reader.ts';
import { parseMapping } from '../../etl/mapping/parse-mapping.ts';
import { previewMapped } from '../../etl/mapping/preview.ts';
import type { ImportMappingInput } from '../../schemas/import-mapping.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/** A mapping compiled to one staging statement, through the canonical validation and loading. */
const TZ = 'Europe/Chisinau';
let env: TestEnv;
let n = 0;
const write = (text: string, ext = 'csv') => {
  const file = path.join(env.dir, `export-${++n}.${ext}`);
  writeFileSync(file, text);
  return file;
};

const CALLS: ImportMappingInput = {
  kind: 'calls',
  platform: 'a test PBX',
  format: { type: 'csv', delimiter: ';' },
  columns: {
    call_id: { from: 'Id' },
    started_at: { from: ['Date', 'Time'], separator: ' ', format: '%d/%m/%Y %H:%M:%S' },
    direction: { const: 'inbound' },
    disposition: {
      from: 'Status',
      values: { ANSWER: 'answered', 'NO ANSWER': 'no_answer' },
      default: 'abandoned',
    },
    operator_id: { from: 'Agent', via: 'pbx', empty: ['-'] },
    talk_s: { from: 'Talk', duration: 'hms' },
    hold_s: { from: 'HoldMs', duration: 'ms' },
    queue: { from: 'Queue' },
  },
};
const CSV = [
  'Id;Date;Time;Status;Agent;Talk;HoldMs;Queue',
  'a1;01/10/2026;09:00:00;ANSWER;SIP/201;00:03:15;2500;sales',
  'a2;01/10/2026;09:05:00;no answer;-;0:00;0;sales',
  'a3;32/10/2026;09:10:00;ANSWER;201;00:01:00;0;sales',
  'a4;01/10/2026;09:15:00;BUSY;999;1:00;0;"care; vip"',
  'a5;01/10/2026;09:20:00;ANSWER',
  '',
].join('\n');

beforeAll(async () => {
  env = await testEnv({ timeZone: TZ });
  writeFileSync(path.join(env.dir, 'teams.csv'), 'team_id,name\nT1,One\n');
  writeFileSync(
    path.join(env.dir, 'operators.csv'),
    'operator_id,name,team_id,pbx_ids\nop1,Ann,T1,SIP/201;201\n',
  );
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(env.dir, `${kind}.csv`), actor: 't', timeZone: TZ });
  }
});
afterAll(() => env.dispose());

describe('the mapping compiler', () => {
  it('binds every value of the mapping and quotes every identifier', () => {
    const m = parseMapping(CALLS);
    const c = compileMapping(
      m,
      { type: 'csv', names: CSV.split('\n')[0]?.split(';') ?? [], header: true },
      'east',
    );
    expect(c.columns).toEqual([
      'call_id',
      'started_at',
      'direction',
      'operator_id',
      'queue',
      'disposition',
      'talk_s',
      'hold_s',
    ]);
    for (const v of ['NO ANSWER', 'no answer', 'abandoned', '%d/%m/%Y %H:%M:%S', 'inbound', 'east:']) {
      expect(c.sql).not.toContain(v);
    }
    expect(Object.values(c.params)).toEqual(
      expect.arrayContaining(['no answer', 'abandoned', 'inbound', 'east:']),
    );
    expect(c.sql).toContain('"started_at"');
  });

  it('names the fault of a bad mapping', () => {
    const bad = (m: unknown) => () => parseMapping(m);
    expect(bad({ ...CALLS, columns: { ...CALLS.columns, colour: { from: 'x' } } })).toThrow(
      /columns\.colour: is not a column of calls/,
    );
    expect(
      bad({ ...CALLS, columns: { ...CALLS.columns, started_at: { from: 'Date', format: '%d/%Q' } } }),
    ).toThrow(/columns\.started_at\.format: "%Q" is not a strptime specifier/);
    expect(
      bad({ ...CALLS, columns: { ...CALLS.columns, queue: { from: 'Queue', format: 'epoch' } } }),
    ).toThrow(/mapping: queue is not a timestamp/);
    expect(bad({ ...CALLS, columns: { call_id: { from: 'Id' } } })).toThrow(
      /gives no started_at, direction, disposition \(required for calls\)/,
    );
    expect(bad({ ...CALLS, columns: { ...CALLS.columns, queue: { from: 'Q', const: 'x' } } })).toThrow(
      /either "from"/,
    );
    expect(bad({ ...CALLS, timeZone: 'Mars/Olympus' })).toThrow(/timeZone: is not a time zone/);
    expect(bad({ ...CALLS, kind: 'teams' })).toThrow(/kind: must be one of calls/);
  });

  it('refuses a file that lacks a column the mapping reads, naming it', async () => {
    const file = write('Id;Date;Status\nx;01/10/2026;ANSWER\n');
    await expect(
      importFile(env.rt, {
        kind: 'calls',
        file,
        actor: 't',
        timeZone: TZ,
        ...mappedOptions(parseMapping(CALLS)),
      }),
    ).rejects.toThrow(/started_at: the file has no column "Time" \(its columns: Id, Date, Status\)/);
  });
});

describe('importing through a mapping', () => {
  it('previews without writing, then imports the same records', async () => {
    const file = write(CSV);
    const mapping = parseMapping(CALLS);
    const preview = await previewMapped(env.rt, { file, mapping, timeZone: TZ, pbx: 'east' });
    expect(preview).toMatchObject({ read: 5, good: 3, quarantined: 2 });
    expect(preview.sourceColumns).toEqual([
      'Id',
      'Date',
      'Time',
      'Status',
      'Agent',
      'Talk',
      'HoldMs',
      'Queue',
    ]);
    expect(preview.rows[0]).toMatchObject({
      line: 2,
      cells: { call_id: 'east:a1', operator_id: 'op1', disposition: 'answered', talk_s: '195', hold_s: '3' },
    });
    expect(preview.rows[1]?.cells).toMatchObject({
      disposition: 'no_answer',
      operator_id: null,
      talk_s: '0',
    });
    expect(preview.rows[2]?.cells).toMatchObject({
      call_id: 'east:a4',
      disposition: 'abandoned',
      queue: 'care; vip',
    });
    expect(preview.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [4, 'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'],
      [6, 'has 4 fields where the header has 8'],
    ]);
    expect(preview.notes[0]).toMatch(/^1 record names an agent no operator has .*"999"/);
    expect(await env.rt.analytics.rows('SELECT count(*)::INT AS n FROM calls')).toEqual([{ n: 0 }]);

    const report = await importFile(env.rt, {
      kind: 'calls',
      file,
      actor: 't',
      timeZone: TZ,
      pbx: 'east',
      ...mappedOptions(mapping),
    });
    expect(report).toMatchObject({ format: 'mapped', read: 5, loaded: 3, quarantined: 2 });
    expect(report.quarantine.map((q) => q.line)).toEqual([4, 6]);
    expect(report.quarantine[1]?.raw).toBe('a5;01/10/2026;09:20:00;ANSWER');
    const calls = await env.rt.analytics.rows(
      `SELECT call_id, operator_id, disposition, talk_s::INT AS talk_s,
         strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS started
       FROM calls ORDER BY call_id`,
    );
    expect(calls).toEqual([
      {
        call_id: 'east:a1',
        operator_id: 'op1',
        disposition: 'answered',
        talk_s: 195,
        started: '2026-10-01T06:00:00Z',
      },
      {
        call_id: 'east:a2',
        operator_id: null,
        disposition: 'no_answer',
        talk_s: 0,
        started: '2026-10-01T06:05:00Z',
      },
      {
        call_id: 'east:a4',
        operator_id: null,
        disposition: 'abandoned',
        talk_s: 60,
        started: '2026-10-01T06:15:00Z',
      },
    ]);
  });

  it('reads JSON Lines by paths, epoch times in UTC and a zone of the mapping', async () => {
    const file = write(
      [
        '{"conv":{"id":"j1"},"start":1790000000,"end":"2026-09-21 18:00:00","dir":"outbound","ms":65000}',
        'not json',
        '{"conv":{"id":"j2"},"start":"1790000000500","end":null,"dir":"inbound","ms":"x"}',
      ].join('\n'),
      'jsonl',
    );
    const mapping = parseMapping({
      kind: 'calls',
      format: { type: 'jsonl' },
      timeZone: 'America/New_York',
      columns: {
        call_id: { from: 'conv.id' },
        started_at: { from: 'start', format: 'epoch' },
        ended_at: { from: 'end', format: '%Y-%m-%d %H:%M:%S' },
        direction: { from: '$.dir' },
        disposition: { const: 'answered' },
        talk_s: { from: 'ms', duration: 'ms' },
      },
    });
    const preview = await previewMapped(env.rt, { file, mapping, timeZone: TZ });
    expect(preview.rows.map((r) => [r.line, r.cells.call_id, r.cells.talk_s])).toEqual([[1, 'j1', '65']]);
    expect(preview.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [2, 'the line is not a JSON object'],
      [3, expect.stringMatching(/^started_at: .*; talk_s: /)],
    ]);
    const report = await importFile(env.rt, {
      kind: 'calls',
      file,
      actor: 't',
      timeZone: TZ,
      ...mappedOptions(mapping),
    });
    expect(report).toMatchObject({ read: 3, loaded: 1, quarantined: 2 });
    const rows = await env.rt.analytics.rows(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS s,
              strftime(ended_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS e FROM calls WHERE call_id = 'j1'`,
    );
    expect(rows).toEqual([{ s: '2026-09-21T14:13:20Z', e: '2026-09-21T22:00:00Z' }]);
  });
});
