import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { importCsv, SMALL, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
  await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
  await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
});
afterEach(() => env.dispose());

const write = (name: string, content: string | Buffer) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, content);
  return file;
};

describe('a header naming a column twice', () => {
  it('refuses a fact file, naming the column', async () => {
    const file = write(
      'calls.csv',
      'call_id,started_at,direction,disposition,talk_s,talk_s\nA1,2026-10-01T09:00:00Z,inbound,answered,60,70\n',
    );
    await expect(importFile(env.rt, { kind: 'calls', file, actor: 't', timeZone: 'UTC' })).rejects.toThrow(
      /cannot read calls\.csv as csv: the header names the column "talk_s" twice \(columns 5 and 6\)/,
    );
    const imports = await env.rt.db
      .selectFrom('imports')
      .select('kind')
      .where('kind', '=', 'calls')
      .execute();
    expect(imports).toEqual([]);
  });

  it('refuses an operational file, naming the column', async () => {
    const file = write('teams2.csv', 'team_id;name;Name;name\nT9;a;b;c\n');
    await expect(importFile(env.rt, { kind: 'teams', file, actor: 't', timeZone: 'UTC' })).rejects.toThrow(
      /cannot read teams2\.csv as csv: the header names the column "name" twice \(columns 2 and 4\)/,
    );
  });
});

/** Russian text as Windows-1251 writes it (А..я are 0xC0..0xFF). */
const cp1251 = (s: string) =>
  Buffer.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c;
    }),
  );
const HEADER = 'call_id,started_at,direction,disposition,operator_id,talk_s,queue\n';
const russianCalls = () =>
  Buffer.concat([
    Buffer.from(HEADER),
    Buffer.from('R1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,main\n'),
    cp1251('R2,2026-10-01T09:05:00Z,inbound,answered,OP-1,60,Очередь продаж\n'),
    cp1251('R3,2026-10-01T09:10:00Z,inbound,answered,OP-9,60,Жалобы клиентов\n'),
    Buffer.from('R4,2026-10-01T09:15:00Z,inbound,answered,OP-2,60,main\n'),
  ]);

describe('text that is not UTF-8', () => {
  it('loads every row, its bad bytes as \uFFFD, names the likely encoding and keeps the bytes of quarantined rows', async () => {
    const bytes = russianCalls();
    const file = write('calls-1251.csv', bytes);
    const report = await importFile(env.rt, { kind: 'calls', file, actor: 't', timeZone: 'UTC' });
    // R3 names an operator the roster lacks: quarantined for that alone.
    expect(report).toMatchObject({ read: 4, loaded: 3, quarantined: 1 });
    expect(report.notes).toEqual([
      '2 rows had bytes that are not UTF-8 (lines 3, 4): replaced with \uFFFD and loaded; ' +
        'it looks like windows-1251: import it again with --encoding windows-1251 to read them as written',
    ]);
    expect(report.quarantine[0]?.reason).toMatch(/operator_id: "OP-9"/);
    expect(report.quarantine[0]?.raw).toContain('\uFFFD');
    const [row] = await env.rt.analytics.rows(`SELECT queue FROM calls WHERE call_id = 'R2'`);
    expect(row?.queue).toMatch(/^\uFFFD+ \uFFFD+$/);
    const kept = await env.rt.db
      .selectFrom('import_quarantine')
      .select(['line', 'raw_bytes'])
      .where('import_id', '=', report.importId as number)
      .orderBy('line')
      .execute();
    const lines = bytes.toString('latin1').split('\n');
    expect(kept.map((k) => Buffer.from(k.raw_bytes as Buffer).toString('latin1'))).toEqual([lines[3]]);
    // Named, the encoding reads the same rows as written: R2 takes its real queue.
    const again = await importFile(env.rt, {
      kind: 'calls',
      file,
      actor: 't',
      timeZone: 'UTC',
      encoding: 'windows-1251',
    });
    expect(again).toMatchObject({ read: 4, loaded: 1, duplicates: 2, quarantined: 1, notes: [] });
    const [fixed] = await env.rt.analytics.rows(`SELECT queue FROM calls WHERE call_id = 'R2'`);
    expect(fixed?.queue).toBe('Очередь продаж');
  });

  it('reads it with the encoding named', async () => {
    const file = write('calls-1251.csv', russianCalls());
    const report = await importFile(env.rt, {
      kind: 'calls',
      file,
      actor: 't',
      timeZone: 'UTC',
      encoding: 'windows-1251',
    });
    expect(report).toMatchObject({ read: 4, loaded: 3, quarantined: 1, notes: [] });
    expect(report.quarantine[0]?.raw).toContain('Жалобы клиентов');
    const [row] = await env.rt.analytics.rows(`SELECT queue FROM calls WHERE call_id = 'R2'`);
    expect(row?.queue).toBe('Очередь продаж');
  });

  const russianOperators = () =>
    Buffer.concat([
      Buffer.from('operator_id,name,team_id,pbx_ids,hired_on,active\n'),
      cp1251('OP-7,Ольга Смирнова,T1,1007,2024-02-01,true\n'),
      Buffer.from('OP-8,Dan Rusu,T2,1008,2024-03-01,true\n'),
      cp1251('OP-9,Петр Иванов,T9,1009,2024-03-01,true\n'),
    ]);
  const name = async (id: string) =>
    (await env.rt.db.selectFrom('operators').select('name').where('operator_id', '=', id).executeTakeFirst())
      ?.name;

  it('operators: without an encoding every row loads, its bad bytes as \uFFFD, and the note says which', async () => {
    const file = write('operators-1251.csv', russianOperators());
    const report = await importFile(env.rt, { kind: 'operators', file, actor: 't', timeZone: 'UTC' });
    // OP-9's team is unknown: quarantined for that, its bytes kept as written.
    expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1 });
    expect(report.notes).toEqual([
      '2 rows had bytes that are not UTF-8 (lines 2, 4): replaced with \uFFFD and loaded; ' +
        'it looks like windows-1251: import it again with --encoding windows-1251 to read them as written',
    ]);
    expect(await name('OP-7')).toMatch(/^\uFFFD+ \uFFFD+$/);
    const [kept] = await env.rt.db.selectFrom('import_quarantine').select(['line', 'raw_bytes']).execute();
    expect(kept?.line).toBe(4);
    expect(Buffer.from(kept?.raw_bytes as Buffer)).toEqual(
      cp1251('OP-9,Петр Иванов,T9,1009,2024-03-01,true'),
    );
  });

  it('operators: read with --encoding windows-1251, as written', async () => {
    const file = write('operators-1251.csv', russianOperators());
    const report = await importFile(env.rt, {
      kind: 'operators',
      file,
      actor: 't',
      timeZone: 'UTC',
      encoding: 'windows-1251',
    });
    expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1, notes: [] });
    expect(await name('OP-7')).toBe('Ольга Смирнова');
    expect(report.quarantine[0]?.raw).toContain('Петр Иванов');
  });
});

describe('a gzipped file', () => {
  it('is read by its magic bytes, whatever its name', async () => {
    const { gzipSync } = await import('node:zlib');
    const text = `${HEADER}G1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,main\nG2,bad,inbound,answered,OP-1,60,main\n`;
    const file = write('calls.csv.gz', gzipSync(text));
    const report = await importFile(env.rt, { kind: 'calls', file, actor: 't', timeZone: 'UTC' });
    expect(report).toMatchObject({ file: 'calls.csv.gz', format: 'csv', read: 2, loaded: 1, quarantined: 1 });
    const teams = write('teams.bin', gzipSync('team_id,name\nT7,Seven\n'));
    expect(
      await importFile(env.rt, { kind: 'teams', file: teams, actor: 't', timeZone: 'UTC', format: 'csv' }),
    ).toMatchObject({ loaded: 1 });
  });
});

describe('a line too long to read', () => {
  it('is a quarantined row naming its size and the limit; the good rows load', async () => {
    process.env.CALLSCORE_MAX_LINE_BYTES = '4096';
    try {
      const good = (id: string) => `${id},2026-10-01T09:00:00Z,inbound,answered,OP-1,60,main\n`;
      const text = `${HEADER}${good('L1')}L2,2026-10-01T09:00:00Z,inbound,answered,OP-1,60,${'x'.repeat(60_000_000)}\n${good('L3')}`;
      const file = write('long.csv', text);
      const report = await importFile(env.rt, { kind: 'calls', file, actor: 't', timeZone: 'UTC' });
      expect(report).toMatchObject({ read: 3, loaded: 2, quarantined: 1 });
      expect(report.quarantine[0]).toMatchObject({
        line: 3,
        reason: 'the line is 60000049 bytes, over the limit of 4096 bytes; it was not read',
      });
      const claims = write(
        'claims.csv',
        `claim_id,operator_id,source,received_at,status,description\nK1,OP-1,client,2026-10-02T09:00:00Z,open,${'y'.repeat(5000)}\nK2,OP-1,client,2026-10-02T09:00:00Z,open,ok\n`,
      );
      const r2 = await importFile(env.rt, { kind: 'claims', file: claims, actor: 't', timeZone: 'UTC' });
      expect(r2).toMatchObject({ read: 2, loaded: 1, quarantined: 1 });
      expect(r2.quarantine[0]?.reason).toMatch(/^the line is 5\d+ bytes, over the limit of 4096 bytes/);
    } finally {
      delete process.env.CALLSCORE_MAX_LINE_BYTES;
    }
  }, 30_000);
});
