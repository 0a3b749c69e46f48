import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import type { ImportKind } from '../../schemas/kinds.ts';
import type { Role } from '../../schemas/roles.ts';
import { createApp } from '../../server/app.ts';
import { dataFiles, openDataDir, type Runtime } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { createUser } from '../../server/users/users.service.ts';
import { createTestDatabase, dropTestDatabase, testDatabaseUrl } from './pg-databases.ts';

export const tempDir = (prefix = 'callscore-test-') => mkdtempSync(path.join(tmpdir(), prefix));

export interface TestEnv {
  dir: string;
  /** The operational store this environment opened: its PostgreSQL database's URL, or its SQLite file. */
  database: string;
  rt: Runtime;
  app: ReturnType<typeof createApp>;
  dispose(): Promise<void>;
}

/**
 * A fresh data directory with real SQLite and DuckDB files, and the real app over it. With
 * CALLSCORE_TEST_DATABASE_URL set, the operational store is a fresh PostgreSQL database instead.
 */
export async function testEnv(opts: { timeZone?: string } = {}): Promise<TestEnv> {
  const dir = tempDir();
  const server = testDatabaseUrl();
  const pgDb = server ? await createTestDatabase(server) : undefined;
  const database = pgDb?.url ?? dataFiles(dir).sqlite;
  const rt = await openDataDir(dir, { webDir: null, database });
  // As the server does: uploads are imported as they come.
  rt.imports.start();
  if (opts.timeZone) await writeSetting(rt.db, 'timeZone', opts.timeZone, 'test');
  return {
    dir,
    database,
    rt,
    app: createApp(rt),
    async dispose() {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
      if (server && pgDb) await dropTestDatabase(server, pgDb.name);
    },
  };
}

/** The environment a CLI child process needs to open the same operational store as `env`. */
export const storeEnv = (env: TestEnv): Record<string, string> =>
  env.database.startsWith('postgres') ? { CALLSCORE_DATABASE_URL: env.database } : {};

/** Writes a CSV into the data directory's scratch folder and imports it as `kind`. */
export async function importCsv(
  env: TestEnv,
  kind: ImportKind,
  name: string,
  text: string,
  timeZone = 'UTC',
) {
  const file = path.join(env.dir, name);
  writeFileSync(file, text);
  return importFile(env.rt, { kind, file, actor: 'test', timeZone });
}

export async function addUser(env: TestEnv, username: string, role: Role, operatorId: string | null = null) {
  const password = `pw-${username}-secret`;
  await createUser(env.rt.db, { username, role, operatorId, password }, 'test');
  return password;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signIn(env: TestEnv, username: string, password: string): Promise<string> {
  const res = await env.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] as string;
}

/** A small, hand-made call center: two teams, three operators, a week of calls in October. */
export const SMALL = {
  teams: 'team_id,name,department\nT1,Order desk,Sales\nT2,Care,Service\n',
  operators:
    'operator_id,name,team_id,pbx_ids,hired_on,active\n' +
    'OP-1,Ana Rusu,T1,1001;SIP/1001,2024-01-10,true\n' +
    'OP-2,Ivan Petrov,T1,1002,2023-05-02,yes\n' +
    'OP-3,Maria Ceban,T2,1003,,1\n',
  calls:
    'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n' +
    // 23:30 UTC on Oct 1 is Oct 2 in Chisinau (+03:00): the local date decides the day.
    'C1,2026-10-01T23:30:00Z,,2026-10-01T23:30:05Z,2026-10-01T23:35:05Z,inbound,OP-1,CL1,,sales,answered,order,completed,300,10,20,,\n' +
    'C2,2026-10-02T09:00:00+03:00,2026-10-02T09:00:00+03:00,2026-10-02T09:00:30+03:00,2026-10-02T09:04:30+03:00,inbound,OP-1,CL2,,sales,answered,order,completed,240,0,30,,\n' +
    'C3,2026-10-02 10:00:00,,,,inbound,,,,sales,abandoned,,,,,,,\n' +
    'C4,2026-10-03T11:00:00+03:00,,2026-10-03T11:00:10+03:00,2026-10-03T11:02:10+03:00,outbound,OP-2,CL1,,,answered,survey,completed,120,0,10,,\n' +
    'C5,2026-10-03T12:00:00+03:00,,,,outbound,OP-2,CL2,,,no_answer,survey,,,,,,\n' +
    'C6,2026-10-04T12:00:00+03:00,,2026-10-04T12:00:10+03:00,,inbound,OP-3,CL3,,care,answered,complaint,transferred,600,60,60,OP-1,\n' +
    'C7,2026-11-01T09:00:00+02:00,,2026-11-01T09:00:10+02:00,,inbound,OP-1,CL3,,sales,answered,order,completed,100,0,0,,\n',
  orders:
    'order_id,call_id,operator_id,client_id,created_at,status,total,currency,lines,price_column,offered_items,error_code\n' +
    'O1,C1,OP-1,CL1,2026-10-01T23:34:00Z,accepted,1500.50,MDL,3,wholesale,4,\n' +
    'O2,C2,OP-1,CL2,2026-10-02T09:03:00+03:00,cancelled,"200,00",MDL,1,retail,1,wrong_qty\n' +
    'O3,,OP-2,CL1,2026-10-03T11:01:00+03:00,delivered,99.99,MDL,2,retail,3,\n',
};

export async function loadSmall(env: TestEnv) {
  for (const kind of ['teams', 'operators', 'calls', 'orders'] as const) {
    const report = await importCsv(env, kind, `${kind}.csv`, SMALL[kind], 'Europe/Chisinau');
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  }
}
