import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { SMALL, tempDir } from '../helpers/runtime.ts';

const PASSWORD = 'a-long-admin-password';
let work: string;
let dir: string;
let server: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  work = tempDir('callscore-via-');
  dir = path.join(work, 'data');
  const rt = await openDataDir(dir, { webDir: null });
  try {
    await createUser(
      rt.db,
      { username: 'root', role: 'admin', operatorId: null, password: PASSWORD },
      'test',
    );
    await createUser(
      rt.db,
      { username: 'victor', role: 'head', operatorId: null, password: PASSWORD },
      'test',
    );
  } finally {
    await rt.close();
  }
  server = await serve(dir, await freePort());
});
afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
};

describe('callscore import --via', () => {
  it('while the server runs, a local import says to send the file through it', async () => {
    const res = await cli(['import', 'teams', write('t0.csv', SMALL.teams), '--data', dir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/is open in another callscore process.*--via http:\/\/HOST:PORT --user NAME/);
  });

  it('uploads the file to the server, waits for the job and prints its report', async () => {
    const teams = write('teams.csv', `${SMALL.teams},Nameless,\n`);
    const res = await cli(['import', 'teams', teams, '--via', server.url, '--user', 'root'], {
      env: { CALLSCORE_PASSWORD: PASSWORD },
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('read 3, loaded 2, quarantined 1, duplicates 0');
    expect(res.stdout).toContain('line 4: team_id: is required');

    const operators = write('operators.csv', SMALL.operators);
    const calls = write('calls.csv', SMALL.calls);
    const both = await cli(
      ['import', 'operators', operators, '--via', server.url, '--user', 'root', '--json'],
      {
        input: `${PASSWORD}\n`,
      },
    );
    expect(both.code, both.stderr).toBe(0);
    expect(JSON.parse(both.stdout)).toMatchObject([{ kind: 'operators', loaded: 3, file: 'operators.csv' }]);
    const callsRes = await cli(
      ['import', 'calls', calls, '--via', `${server.url}/`, '--user', 'root', '--json'],
      {
        env: { CALLSCORE_PASSWORD: PASSWORD },
      },
    );
    expect(JSON.parse(callsRes.stdout)).toMatchObject([{ kind: 'calls', format: 'csv', read: 7, loaded: 7 }]);
  });

  it('says why when the sign-in, the role or the server is wrong', async () => {
    const file = write('t2.csv', SMALL.teams);
    const wrong = await cli(['import', 'teams', file, '--via', server.url, '--user', 'root'], {
      env: { CALLSCORE_PASSWORD: 'not-the-password' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^callscore: sign-in failed: wrong username or password/i);
    const head = await cli(['import', 'teams', file, '--via', server.url, '--user', 'victor'], {
      env: { CALLSCORE_PASSWORD: PASSWORD },
    });
    expect(head.stderr).toMatch(/^callscore: upload failed: .*admin/);
    const nobody = await cli(['import', 'teams', file, '--via', 'http://127.0.0.1:9', '--user', 'root'], {
      env: { CALLSCORE_PASSWORD: PASSWORD },
    });
    expect(nobody.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9/);
    const noUser = await cli(['import', 'teams', file, '--via', server.url]);
    expect(noUser.code).toBe(2);
    expect(noUser.stderr).toMatch(/--via needs --user/);
  });
});
