import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { importCsv, loadSmall, SMALL, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => env.dispose());

const callCount = async () => Number((await env.rt.analytics.rows('SELECT count(*) AS n FROM calls'))[0]?.n);

describe('importing canonical CSV', () => {
  it('loads good rows and quarantines bad ones with line and reason', async () => {
    await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
    await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
    const report = await importCsv(
      env,
      'calls',
      'calls.csv',
      'call_id,started_at,direction,disposition,operator_id,talk_s\n' +
        'A1,2026-10-01T09:00:00Z,inbound,answered,OP-1,60\n' +
        'A2,yesterday,inbound,answered,OP-1,60\n' +
        'A3,2026-10-01T09:00:00Z,sideways,answered,OP-1,60\n' +
        'A4,2026-10-01T09:00:00Z,outbound,busy,OP-99,\n' +
        'A5,2026-10-01T09:00:00Z,outbound,busy,,-5\n' +
        'A6,2026-10-01T10:00:00Z,outbound,busy,,\n',
    );
    expect(report).toMatchObject({ status: 'done', read: 6, loaded: 2, quarantined: 4, duplicates: 0 });
    expect(report.quarantine.map((q) => [q.line, q.reason])).toEqual([
      [3, 'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset])'],
      [4, 'direction: is not one of inbound, outbound'],
      [5, 'operator_id: "OP-99" is not a known operator'],
      [6, 'talk_s: is negative'],
    ]);
    expect(report.quarantine[0]?.raw).toContain('yesterday');
    expect(await callCount()).toBe(2);
    const stored = await env.rt.db.selectFrom('import_quarantine').select(['line', 'reason']).execute();
    expect(stored).toHaveLength(4);
  });

  it('re-importing the same file changes nothing and says so', async () => {
    await loadSmall(env);
    const before = await callCount();
    const again = await importCsv(env, 'calls', 'calls.csv', SMALL.calls, 'Europe/Chisinau');
    expect(again.status).toBe('already_imported');
    expect(again.message).toMatch(/imported already/);
    expect(await callCount()).toBe(before);
  });

  it('the same rows in another file are duplicates; a changed row replaces the old one', async () => {
    await loadSmall(env);
    const lines = SMALL.calls.trim().split('\n');
    const changed = [
      ...lines.slice(0, 2),
      (lines[2] as string).replace(',240,0,30,', ',250,0,30,'), // C2 talk 240 → 250
      '',
    ].join('\n');
    const report = await importCsv(env, 'calls', 'calls-again.csv', changed, 'Europe/Chisinau');
    expect(report).toMatchObject({ read: 2, loaded: 1, duplicates: 1, quarantined: 0 });
    const rows = await env.rt.analytics.rows(
      `SELECT call_id, talk_s FROM calls WHERE call_id IN ('C1', 'C2') ORDER BY 1`,
    );
    expect(rows).toEqual([
      { call_id: 'C1', talk_s: 300 },
      { call_id: 'C2', talk_s: 250 },
    ]);
    expect(await callCount()).toBe(7);
  });

  it('reads ; delimiters, a BOM, decimal commas and wall-clock times in the company zone', async () => {
    await importCsv(env, 'teams', 'teams.csv', SMALL.teams);
    await importCsv(env, 'operators', 'operators.csv', SMALL.operators);
    const text =
      '\uFEFForder_id;operator_id;client_id;created_at;status;total;currency\n' +
      'X1;OP-1;CL1;2026-10-01 09:15:00;accepted;"1234,5";MDL\n';
    const report = await importCsv(env, 'orders', 'orders.csv', text, 'Europe/Chisinau');
    expect(report).toMatchObject({ loaded: 1, quarantined: 0 });
    const [row] = await env.rt.analytics.rows(
      `SELECT total, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') AS utc FROM orders`,
    );
    expect(row).toEqual({ total: '123450', utc: '2026-10-01T06:15:00' });
  });

  it('names ignored extra columns, and rejects a file missing a required column', async () => {
    const ok = await importCsv(env, 'teams', 'teams.csv', 'team_id,name,colour\nT9,Night shift,blue\n');
    expect(ok.ignoredColumns).toEqual(['colour']);
    await expect(importCsv(env, 'teams', 'bad.csv', 'team_id,department\nT8,Sales\n')).rejects.toThrow(
      /has no column name \(required for teams\)/,
    );
  });

  it('a missing file is a clear error', async () => {
    await expect(
      importFile(env.rt, {
        kind: 'calls',
        file: path.join(env.dir, 'nope.csv'),
        actor: 'test',
        timeZone: 'UTC',
      }),
    ).rejects.toThrow(/cannot read .*nope\.csv/);
  });

  it('reads JSON Lines too', async () => {
    const file = path.join(env.dir, 'teams.jsonl');
    writeFileSync(
      file,
      '{"team_id":"T1","name":"Order desk"}\n{"team_id":2,"name":"Care","department":"Service"}\n',
    );
    const report = await importFile(env.rt, { kind: 'teams', file, actor: 'test', timeZone: 'UTC' });
    expect(report).toMatchObject({ format: 'jsonl', loaded: 2 });
    const teams = await env.rt.db
      .selectFrom('teams')
      .select(['team_id', 'department'])
      .orderBy('team_id')
      .execute();
    expect(teams).toEqual([
      { team_id: '2', department: 'Service' },
      { team_id: 'T1', department: null },
    ]);
  });

  it('reads Parquet, whatever types its columns have', async () => {
    const file = path.join(env.dir, 'teams.parquet');
    await env.rt.analytics.withConnection((c) =>
      c.run(`COPY (SELECT * FROM (VALUES (7, 'Night', NULL), (8, 'Day', 'Sales')) t(team_id, name, department))
        TO '${file}' (FORMAT parquet)`),
    );
    const report = await importFile(env.rt, { kind: 'teams', file, actor: 'test', timeZone: 'UTC' });
    expect(report).toMatchObject({ format: 'parquet', loaded: 2, quarantined: 0 });
    const teams = await env.rt.db
      .selectFrom('teams')
      .select(['team_id', 'name'])
      .orderBy('team_id')
      .execute();
    expect(teams).toEqual([
      { team_id: '7', name: 'Night' },
      { team_id: '8', name: 'Day' },
    ]);
  });

  it('evaluations take their operator and period from the call they score', async () => {
    await loadSmall(env);
    const report = await importCsv(
      env,
      'evaluations',
      'evaluations.csv',
      'evaluation_id,call_id,evaluator,score,status\nE1,C2,qa1,87.5,submitted\nE2,C404,qa1,50,submitted\n',
    );
    expect(report).toMatchObject({ loaded: 1, quarantined: 1 });
    expect(report.quarantine[0]?.reason).toMatch(/C404" is not a known call/);
    const e = await env.rt.db.selectFrom('evaluations').selectAll().executeTakeFirstOrThrow();
    expect(e).toMatchObject({
      operator_id: 'OP-1',
      call_started_at: '2026-10-02T06:00:00.000Z',
      score: 87.5,
    });
  });

  it('norms go to the operator or the team they name', async () => {
    await loadSmall(env);
    const report = await importCsv(
      env,
      'norms',
      'norms.csv',
      'operator_id,team_id,period,tasks_norm\n,T1,2026-10,500\nOP-1,,2026-10,450\nOP-1,T1,2026-10,1\n',
    );
    expect(report).toMatchObject({ loaded: 2, quarantined: 1 });
    expect(report.quarantine[0]?.reason).toMatch(/exactly one of operator_id and team_id/);
  });
});
