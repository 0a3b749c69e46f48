import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toInstant } from '../../core/time.ts';
import { importFile } from '../../etl/import-file.ts';
import { parse } from '../helpers/csv.ts';
import { importCsv, SMALL, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
  await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
});
afterEach(() => env.dispose());

const HEADER = 'call_id,started_at,direction,disposition,operator_id,talk_s';
const stored = (sql = 'SELECT * EXCLUDE (import_id) FROM calls ORDER BY call_id') =>
  env.rt.analytics.rows(sql);
const invariant = (r: { read: number; loaded: number; quarantined: number; duplicates: number }) =>
  expect(r.read).toBe(r.loaded + r.quarantined + r.duplicates);

describe('set-based import of fact kinds: every kind of bad row', () => {
  it('quarantines rows with the wrong number of fields, with their true line numbers', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      `${HEADER}\n` +
        'A1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'A2,2026-10-01T09:00:00Z,inbound,answered,OP-1\n' +
        'A3,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,extra\n' +
        'A4,2026-10-01T09:00:00Z,inbound,answered,OP-1,61\n' +
        'A5,2026-10-01T09:00:00Z,sideways,answered,OP-1,62\n',
    );
    invariant(report);
    expect(report).toMatchObject({ read: 5, loaded: 2, quarantined: 3, duplicates: 0 });
    expect(report.quarantine).toEqual([
      {
        line: 3,
        reason: 'has 5 fields where the header has 6',
        raw: 'A2,2026-10-01T09:00:00Z,inbound,answered,OP-1',
      },
      {
        line: 4,
        reason: 'has 7 fields where the header has 6',
        raw: 'A3,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,extra',
      },
      // after two rejected lines, the next bad row still has its own line
      {
        line: 6,
        reason: 'direction: is not one of inbound, outbound',
        raw: 'A5,2026-10-01T09:00:00Z,sideways,answered,OP-1,62',
      },
    ]);
    expect(await stored('SELECT call_id, talk_s FROM calls ORDER BY 1')).toEqual([
      { call_id: 'A1', talk_s: 60 },
      { call_id: 'A4', talk_s: 61 },
    ]);
  });

  it('names every bad cell of a row, as the schemas do', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      `${HEADER}\n` +
        'B1,2026-10-01 25:00,inbound,answered,OP-1,60\n' +
        'B2,01/10/2026,inbound,hung_up,OP-1,-1\n' +
        ',2026-10-01T09:00:00Z,,answered,OP-1,abc\n' +
        'B4,2026-02-30T09:00:00Z,inbound,answered,OP-1,1\n',
    );
    invariant(report);
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [2, 'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'],
      [
        3,
        'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset]); ' +
          'disposition: is not one of answered, no_answer, busy, failed, abandoned; talk_s: is negative',
      ],
      [4, 'call_id: is required; direction: is required; talk_s: is not a number of seconds'],
      [5, 'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'],
    ]);
    expect(report.loaded).toBe(0);
  });

  it('quarantines an unknown operator, and takes ids and enums trimmed and case-blind', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      `${HEADER}\n C1 ,2026-10-01T09:00:00Z, Inbound ,ANSWERED, OP-1 ,60\nC2,2026-10-01T09:00:00Z,inbound,answered,OP-77,60\n`,
    );
    invariant(report);
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [3, 'operator_id: "OP-77" is not a known operator'],
    ]);
    expect(await stored('SELECT call_id, direction, disposition, operator_id FROM calls')).toEqual([
      { call_id: 'C1', direction: 'inbound', disposition: 'answered', operator_id: 'OP-1' },
    ]);
  });

  it('an id twice in a file: the same row again is a duplicate, another row with it is quarantined', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      `${HEADER}\n` +
        'D1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'D2,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'D1,2026-10-01T12:00:00+03:00,inbound,answered,OP-1,60.0\n' +
        'D1,2026-10-01T09:00:00Z,inbound,answered,OP-2,60\n',
    );
    invariant(report);
    expect(report).toMatchObject({ read: 4, loaded: 2, duplicates: 1, quarantined: 1 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [5, 'call_id "D1" is already on line 2 of this file, with other values'],
    ]);
    expect(await stored('SELECT call_id, operator_id FROM calls ORDER BY 1')).toEqual([
      { call_id: 'D1', operator_id: 'OP-1' },
      { call_id: 'D2', operator_id: 'OP-1' },
    ]);
  });

  it('a repeated id with other values keeps its raw text and true line after a rejected line', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      `${HEADER}\n` +
        'F1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'F2,2026-10-01T09:00:00Z,inbound\n' +
        'F3,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        ' F1 ,2026-10-01 09:00,"inbound",answered,OP-2,60\n',
    );
    invariant(report);
    expect(report).toMatchObject({ read: 4, loaded: 2, duplicates: 0, quarantined: 2 });
    expect(report.quarantine).toEqual([
      { line: 3, reason: 'has 3 fields where the header has 6', raw: 'F2,2026-10-01T09:00:00Z,inbound' },
      {
        line: 5,
        reason: 'call_id "F1" is already on line 2 of this file, with other values',
        raw: ' F1 ,2026-10-01 09:00,inbound,answered,OP-2,60',
      },
    ]);
  });

  it('a record over two lines (a quoted line break) is one good record, not a bad one', async () => {
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      'call_id,started_at,direction,disposition,operator_id,talk_s,phone\n' +
        'Q1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,"+373\n22"\n' +
        'Q2,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,\n\n',
    );
    invariant(report);
    expect(report).toMatchObject({ read: 2, loaded: 2, quarantined: 0, duplicates: 0 });
    expect(await stored('SELECT call_id, phone FROM calls ORDER BY 1')).toEqual([
      { call_id: 'Q1', phone: '+373\n22' },
      { call_id: 'Q2', phone: null },
    ]);
  });

  it('a second file: its repeats are settled first, then what is stored already', async () => {
    await importCsv(
      env,
      'calls',
      'first.csv',
      `${HEADER}\nR1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\nR2,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n`,
    );
    const report = await importCsv(
      env,
      'calls',
      'second.csv',
      `${HEADER}\n` +
        // stored as it is, twice: one duplicate of the stored row, one of the first line
        'R1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'R1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        // stored with other values: replaces it; then the same key with yet other values: quarantined
        'R2,2026-10-01T09:00:00Z,inbound,answered,OP-2,61\n' +
        'R2,2026-10-01T09:00:00Z,inbound,answered,OP-1,99\n' +
        'R3,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n',
    );
    invariant(report);
    expect(report).toMatchObject({ read: 5, loaded: 2, duplicates: 2, quarantined: 1 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [5, 'call_id "R2" is already on line 4 of this file, with other values'],
    ]);
    expect(await stored('SELECT call_id, operator_id, talk_s FROM calls ORDER BY 1')).toEqual([
      { call_id: 'R1', operator_id: 'OP-1', talk_s: 60 },
      { call_id: 'R2', operator_id: 'OP-2', talk_s: 61 },
      { call_id: 'R3', operator_id: 'OP-1', talk_s: 60 },
    ]);
  });

  it('keeps every quarantined row in the import log, beyond the ones the report carries', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `E${i},never,inbound,answered,OP-1,1`).join('\n');
    const report = await importCsv(env, 'calls', 'calls.csv', `${HEADER}\n${rows}\n`);
    expect(report).toMatchObject({ read: 30, quarantined: 30 });
    expect(report.quarantine).toHaveLength(20);
    const log = await env.rt.db
      .selectFrom('import_quarantine')
      .select(['line'])
      .where('import_id', '=', report.importId as number)
      .orderBy('line')
      .execute();
    expect(log.map((l) => l.line)).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
  });

  it('money with . or , and spaces to minor units; more than two decimals is not an amount', async () => {
    const report = await importCsv(
      env,
      'debts',
      'debts.csv',
      'client_id;as_of;balance;credit_limit;overdue_amount;currency\n' +
        'CL1;2026-10-01;1 234,5;-20;0.07;mdl\n' +
        'CL2;2026-10-01;1.234;0;0;MDL\n' +
        'CL3;2026-10-01;1;0;0;lei!\n',
    );
    invariant(report);
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [3, 'balance: is not an amount'],
      [4, 'currency: is not an ISO 4217 currency code'],
    ]);
    expect(await stored('SELECT balance, credit_limit, overdue_amount, currency FROM debts')).toEqual([
      { balance: '123450', credit_limit: '-2000', overdue_amount: '7', currency: 'MDL' },
    ]);
  });
});

describe('set-based import: the lines of bad rows', () => {
  const importTimed = async (text: string) => {
    const file = path.join(env.dir, 'calls.csv');
    writeFileSync(file, text);
    const timings: Record<string, number> = {};
    const report = await importFile(env.rt, { kind: 'calls', file, actor: 'test', timeZone: 'UTC', timings });
    return { report, steps: Object.keys(timings) };
  };

  it('finds them by their text among the bare lines: CRLF, BOM, blank lines, rejects and line breaks before', async () => {
    const { report, steps } = await importTimed(
      `\uFEFF${HEADER},phone\r\n` +
        'B1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,\r\n' +
        'B2,2026-10-01T09:00:00Z,inbound,answered,OP-1\r\n' + // line 3: 5 fields
        'B3,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,"+373\r\n22"\r\n' + // lines 4-5: one record
        '\r\n' + // line 6: blank
        'B4,2026-10-01T09:00:00Z,inbound,answered,OP-1,-1,\r\n' + // line 7
        'B5,2026-10-01T25:00:00Z,inbound,answered,OP-1,61,\r\n' + // line 8
        'B4,2026-10-01T09:00:00Z,inbound,answered,OP-1,-1,\r\n' + // line 9: the same bad row again
        'B6,2026-10-01T09:00:00Z,inbound,answered,OP-404,62,\r\n' + // line 10
        'B7,2026-10-01T09:00:00Z,inbound,answered,OP-1,x,"22, 33"\r\n', // line 11: quoted as it must be
    );
    invariant(report);
    expect(steps).toContain('bad rows');
    expect(steps).not.toContain('second look');
    expect(report).toMatchObject({ read: 8, loaded: 2, quarantined: 6, duplicates: 0 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [3, 'has 5 fields where the header has 7'],
      [7, 'talk_s: is negative'],
      [8, 'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'],
      [9, 'talk_s: is negative'],
      [10, 'operator_id: "OP-404" is not a known operator'],
      [11, 'talk_s: is not a number of seconds'],
    ]);
    // the file's own text, not the record written again
    expect(report.quarantine[5]?.raw).toBe('B7,2026-10-01T09:00:00Z,inbound,answered,OP-1,x,"22, 33"');
    expect(await stored('SELECT call_id FROM calls ORDER BY 1')).toEqual([
      { call_id: 'B1' },
      { call_id: 'B3' },
    ]);
  });

  it('looks the slow way when a bad row is not written as its text: quotes where none are needed', async () => {
    const { report, steps } = await importTimed(
      `${HEADER}\n` +
        'C1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'C2,2026-10-01T09:00:00Z,"sideways",answered,OP-1,60\n' +
        'C3,2026-10-01T09:00:00Z,inbound,answered,OP-1,-5\n',
    );
    invariant(report);
    expect(steps).toContain('second look');
    expect(report.quarantine.map((q) => [q.line, q.reason, q.raw])).toEqual([
      [3, 'direction: is not one of inbound, outbound', 'C2,2026-10-01T09:00:00Z,sideways,answered,OP-1,60'],
      [4, 'talk_s: is negative', 'C3,2026-10-01T09:00:00Z,inbound,answered,OP-1,-5'],
    ]);
  });
});

describe('set-based import: times', () => {
  it('reads wall-clock times in the company zone exactly as toInstant does, DST changes included', async () => {
    const times = [
      ['T1', '2026-10-25 02:30:00', 'Europe/Chisinau'], // repeated hour: the earlier instant
      ['T2', '2026-03-29 02:30', 'Europe/Chisinau'], // skipped hour: the offset before the change
      ['T3', '2026-03-29T03:30:00.123456', 'Europe/Chisinau'],
      ['T4', '2026-10-01', 'Europe/Chisinau'], // a bare date is its local midnight
      ['T5', '2026-10-01T09:00:00+0300', 'Europe/Chisinau'],
      ['T6', '2026-11-01 01:30:00', 'America/New_York'],
    ] as const;
    for (const [id, at, tz] of times) {
      const file = path.join(env.dir, `${id}.csv`);
      writeFileSync(file, `${HEADER}\n${id},${at},outbound,busy,,\n`);
      const report = await importFile(env.rt, { kind: 'calls', file, actor: 'test', timeZone: tz });
      expect(report.loaded, `${id}: ${JSON.stringify(report.quarantine)}`).toBe(1);
      const [row] = await stored(
        `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%g') AS utc FROM calls WHERE call_id = '${id}'`,
      );
      expect(`${row?.utc}Z`, id).toBe(toInstant(at, tz).toISOString());
    }
  });
});

describe('set-based import: formats', () => {
  it('JSON Lines and Parquet give the same rows as CSV', async () => {
    const csvFile = path.join(env.dir, 'calls.csv');
    writeFileSync(csvFile, SMALL.calls);
    const fromCsv = await importFile(env.rt, {
      kind: 'calls',
      file: csvFile,
      actor: 'test',
      timeZone: 'Europe/Chisinau',
    });
    expect(fromCsv).toMatchObject({ loaded: 7, quarantined: 0 });
    const csvRows = await stored();

    // JSON Lines with numbers as numbers and empty cells left out; Parquet with its own types.
    const jsonl = parse(SMALL.calls)
      .map((r) => {
        const o: Record<string, string | number> = {};
        for (const [k, v] of Object.entries(r)) if (v !== '') o[k] = k.endsWith('_s') ? Number(v) : v;
        return JSON.stringify(o);
      })
      .join('\n');
    const parquetFile = path.join(env.dir, 'calls.parquet');
    await env.rt.analytics.withConnection((c) =>
      c.run(`COPY (SELECT * REPLACE (talk_s::DOUBLE AS talk_s) FROM read_csv('${csvFile}', all_varchar = true))
        TO '${parquetFile}' (FORMAT parquet)`),
    );
    for (const [name, text] of [
      ['calls.jsonl', jsonl],
      ['calls.parquet', null],
    ] as const) {
      const other = await testEnv();
      try {
        await importCsv(other, 'teams', 'teams.csv', SMALL.teams);
        await importCsv(other, 'operators', 'operators.csv', SMALL.operators);
        const file = text === null ? parquetFile : path.join(other.dir, name);
        if (text !== null) writeFileSync(file, text);
        const report = await importFile(other.rt, {
          kind: 'calls',
          file,
          actor: 'test',
          timeZone: 'Europe/Chisinau',
        });
        expect(report, name).toMatchObject({ read: 7, loaded: 7, quarantined: 0 });
        expect(
          await other.rt.analytics.rows('SELECT * EXCLUDE (import_id) FROM calls ORDER BY call_id'),
        ).toEqual(csvRows);
      } finally {
        await other.dispose();
      }
    }
  });

  it('a repeated id with other values in JSON Lines keeps its line as raw text', async () => {
    const file = path.join(env.dir, 'clients.jsonl');
    writeFileSync(
      file,
      '{"client_id":"CL1","type":"key"}\n{"client_id":"CL2","type":"retail"}\n{"client_id":"CL1","type":"retail"}\n',
    );
    const report = await importFile(env.rt, { kind: 'clients', file, actor: 'test', timeZone: 'UTC' });
    invariant(report);
    expect(report.quarantine).toEqual([
      {
        line: 3,
        reason: 'client_id "CL1" is already on line 1 of this file, with other values',
        raw: '{"client_id":"CL1","type":"retail"}',
      },
    ]);
  });

  it('quarantines a JSON line that is not an object, with the line as its raw text', async () => {
    const file = path.join(env.dir, 'clients.jsonl');
    writeFileSync(
      file,
      '{"client_id":"CL1","type":"key"}\n[1,2]\n{"client_id":7,"type":"Retail","colour":"red"}\n',
    );
    const report = await importFile(env.rt, { kind: 'clients', file, actor: 'test', timeZone: 'UTC' });
    invariant(report);
    expect(report).toMatchObject({ loaded: 2, quarantined: 1, ignoredColumns: ['colour'] });
    expect(report.quarantine).toEqual([{ line: 2, reason: 'the line is not a JSON object', raw: '[1,2]' }]);
    expect(await stored('SELECT client_id, type FROM clients ORDER BY 1')).toEqual([
      { client_id: '7', type: 'retail' },
      { client_id: 'CL1', type: 'key' },
    ]);
  });
});
