import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import type { PlatformReader } from '../../etl/platforms/reader.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * A platform reader stages canonical cells with their lines; the canonical validation, quarantine
 * and loading do the rest. A reader made here (pipe-separated `id|start|agent`) shows the path.
 */
const TZ = 'Europe/Chisinau';
const reader: PlatformReader = {
  format: 'mapped',
  kind: 'calls',
  platform: 'a pipe-separated test export',
  detect: () => false,
  async stage(c, file, ctx) {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE staging AS
       SELECT line, raw, CASE WHEN len(f) <> 3 THEN 'not three fields' END AS _row_problem,
         $prefix || f[1] AS call_id, f[2] AS started_at, m.operator_id AS operator_id,
         'inbound' AS direction, 'answered' AS disposition
       FROM (SELECT row_number() OVER () AS line, column0 AS raw, string_split(column0, '|') AS f
             FROM read_csv($file, columns = {'column0': 'VARCHAR'}, delim = '\\x01', header = false, quote = '', escape = ''))
       LEFT JOIN pbx_map m ON m.key = lower(f[3])`,
      { file, prefix: ctx.pbx ? `${ctx.pbx}:` : '' },
    );
    return {
      columns: ['call_id', 'started_at', 'operator_id', 'direction', 'disposition'],
      notes: [`read by ${ctx.fileName}`],
    };
  },
};

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv({ timeZone: TZ });
  writeFileSync(path.join(env.dir, 'teams.csv'), 'team_id,name\nT1,One\n');
  writeFileSync(path.join(env.dir, 'operators.csv'), 'operator_id,name,team_id,pbx_ids\nop1,Ann,T1,201\n');
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(env.dir, `${kind}.csv`), actor: 't', timeZone: TZ });
  }
});
afterAll(() => env.dispose());

describe('platform readers', () => {
  it('loads the staged records, quarantines the bad ones by their file line, keys by source', async () => {
    const file = path.join(env.dir, 'export.txt');
    writeFileSync(
      file,
      'a1|2026-10-01 09:00:00|201\nbroken line\na2|not a time|201\na3|2026-10-01 10:00:00|999\n',
    );
    const report = await importFile(env.rt, {
      kind: 'calls',
      file,
      format: 'mapped',
      reader,
      pbx: 'east',
      actor: 't',
      timeZone: TZ,
    });
    expect(report).toMatchObject({ format: 'mapped', read: 4, loaded: 2, quarantined: 2 });
    expect(report.quarantine.map((q) => q.line)).toEqual([2, 3]);
    expect(report.quarantine[0]?.reason).toContain('not three fields');
    expect(report.notes).toContain('read by export.txt');
    const calls = await env.rt.analytics.rows('SELECT call_id, operator_id FROM calls ORDER BY call_id');
    expect(calls).toEqual([
      { call_id: 'east:a1', operator_id: 'op1' },
      { call_id: 'east:a3', operator_id: null },
    ]);
  });
});
