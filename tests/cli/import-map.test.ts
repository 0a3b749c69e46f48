import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { SMALL, tempDir } from '../helpers/runtime.ts';

let root: string;
let data: string;
const MAP = {
  kind: 'calls',
  format: { type: 'csv' },
  timeZone: 'UTC',
  columns: {
    call_id: { from: 'Call ID' },
    started_at: { from: 'Start', format: '%m/%d/%Y %H:%M:%S' },
    direction: { const: 'inbound' },
    disposition: { from: 'Result', values: { ANSWER: 'answered', 'NO ANSWER': 'no_answer' } },
    operator_id: { from: 'Agent', via: 'pbx' },
    talk_s: { from: 'Talk', duration: 'hms' },
  },
};
const CSV =
  'Call ID,Start,Result,Agent,Talk\n' +
  'x1,10/01/2026 09:00:00,ANSWER,1001,00:02:05\n' +
  'x2,10/01/2026 09:10:00,NO ANSWER,,\n' +
  'x3,10/01/2026 09:20:00,CONGESTION,1002,00:00:00\n';

beforeAll(async () => {
  root = tempDir();
  data = path.join(root, 'data');
  writeFileSync(path.join(root, 'teams.csv'), SMALL.teams);
  writeFileSync(path.join(root, 'operators.csv'), SMALL.operators);
  writeFileSync(path.join(root, 'map.json'), JSON.stringify(MAP));
  writeFileSync(path.join(root, 'export.csv'), CSV);
  for (const kind of ['teams', 'operators']) {
    const res = await cli(['import', kind, path.join(root, `${kind}.csv`), '--data', data]);
    if (res.code !== 0) throw new Error(res.stderr);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('callscore import --map', () => {
  it('previews the records as they would load and those set aside, writing nothing, then imports', async () => {
    const args = ['import', 'calls', path.join(root, 'export.csv'), '--map', path.join(root, 'map.json')];
    const preview = await cli([...args, '--preview', '--source', 'hq', '--data', data]);
    expect(preview.stderr).toBe('');
    expect(preview.code).toBe(0);
    const out = preview.stdout;
    expect(out).toContain('would read 3, load 2, quarantine 1 (preview: nothing written)');
    expect(out).toMatch(/line\s+call_id\s+started_at\s+direction\s+operator_id\s+disposition\s+talk_s/);
    expect(out).toMatch(/2\s+hq:x1\s+2026-10-01T09:00:00Z\s+inbound\s+OP-1\s+answered\s+125/);
    expect(out).toContain('line 4: disposition: is not one of answered, no_answer');
    expect(out).toContain('x3,10/01/2026 09:20:00,CONGESTION,1002,00:00:00');

    const imported = await cli([...args, '--source', 'hq', '--json', '--data', data]);
    expect(imported.code).toBe(0);
    const [report] = JSON.parse(imported.stdout);
    // the preview wrote nothing: the import is the file's first
    expect(report).toMatchObject({ status: 'done', format: 'mapped', read: 3, loaded: 2, quarantined: 1 });
  });

  it('names the fault of a bad mapping, and a mapping of another kind', async () => {
    writeFileSync(
      path.join(root, 'bad.json'),
      JSON.stringify({ ...MAP, columns: { ...MAP.columns, talk_s: { from: 'Talk', duration: 'minutes' } } }),
    );
    const bad = await cli([
      'import',
      'calls',
      path.join(root, 'export.csv'),
      '--map',
      path.join(root, 'bad.json'),
      '--data',
      data,
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('mapping: columns.talk_s.duration:');
    const other = await cli([
      'import',
      'orders',
      path.join(root, 'export.csv'),
      '--map',
      path.join(root, 'map.json'),
      '--data',
      data,
    ]);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('reads calls, not orders');
  });

  it('previews and imports through a running server with --via', async () => {
    const password = 'a-long-admin-password';
    const rt = await openDataDir(data, { webDir: null });
    try {
      await createUser(rt.db, { username: 'root', role: 'admin', operatorId: null, password }, 'test');
    } finally {
      await rt.close();
    }
    const server = await serve(data, await freePort());
    try {
      writeFileSync(path.join(root, 'export-2.csv'), CSV.replaceAll('x', 'y'));
      const args = ['import', 'calls', path.join(root, 'export-2.csv'), '--map', path.join(root, 'map.json')];
      const via = ['--via', server.url, '--user', 'root', '--source', 'branch'];
      const env = { env: { CALLSCORE_PASSWORD: password } };
      const preview = await cli([...args, ...via, '--preview'], env);
      expect(preview.stderr).toBe('');
      expect(preview.stdout).toContain('would read 3, load 2, quarantine 1 (preview: nothing written)');
      expect(preview.stdout).toMatch(/2\s+branch:y1\s+2026-10-01T09:00:00Z/);
      const imported = await cli([...args, ...via, '--json'], env);
      expect(imported.stderr).toBe('');
      expect(JSON.parse(imported.stdout)[0]).toMatchObject({
        format: 'mapped',
        read: 3,
        loaded: 2,
        quarantined: 1,
      });
    } finally {
      await server.stop();
    }
  });
});
