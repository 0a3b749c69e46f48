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
