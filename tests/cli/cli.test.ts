import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, freePort, serve } from '../helpers/cli.ts';
import { tempDir } from '../helpers/runtime.ts';

let dir: string;
let demoOut: string;
beforeAll(async () => {
  dir = path.join(tempDir(), 'demo');
  const res = await cli(['demo', '--data', dir, '--operators', '8', '--month', '2026-10', '--seed', '3']);
  if (res.code !== 0) throw new Error(res.stderr);
  demoOut = res.stdout;
});
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

describe('callscore demo', () => {
  it('prints the demo users once and writes them beside the data', () => {
    const creds = readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8');
    for (const role of ['admin', 'head', 'qa_lead', 'qa', 'payroll', 'operator'])
      expect(creds).toContain(role);
    const headPassword = /^head\s+(\S+)/m.exec(creds)?.[1];
    expect(headPassword).toMatch(/^\w{14}$/);
    expect(demoOut).toContain(headPassword);
    // Three months by default, the two before the latest approved.
    expect(demoOut).toContain('pay periods approved: 2026-08, 2026-09');
    // Every month's recorded calls transcribed and checked by AutoQA.
    expect(demoOut).toMatch(
      /AutoQA checked the recorded calls: 2026-08 [1-9]\d*, 2026-09 [1-9]\d*, 2026-10 [1-9]\d*/,
    );
  });

  it('refuses a count of months out of range', async () => {
    const res = await cli(['demo', '--data', path.join(path.dirname(dir), 'none'), '--months', '13']);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('callscore: --months must be a whole number from 1 to 12');
  });

  it('refuses a directory that already holds data', async () => {
    const res = await cli(['demo', '--data', dir]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toMatch(/^callscore: .* already holds callscore data/);
  });
});

describe('callscore settings', () => {
  it('gets and sets with validation', async () => {
    expect((await cli(['settings', 'get', 'timeZone', '--data', dir])).stdout.trim()).toBe('Europe/Chisinau');
    const bad = await cli(['settings', 'set', 'timeZone', 'Nowhere/City', '--data', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^callscore: timeZone: is not an IANA time zone/);
    const ok = await cli(['settings', 'set', 'serviceLevelSeconds', '15', '--data', dir]);
    expect(ok.stdout.trim()).toBe('serviceLevelSeconds=15');
  });
});

describe('callscore users', () => {
  it('adds a user with the password from standard input', async () => {
    const res = await cli(['users', 'add', 'maria', '--role', 'head', '--data', dir], {
      input: 'a-long-password\n',
    });
    expect(res.code, res.stderr).toBe(0);
    const list = await cli(['users', 'list', '--data', dir]);
    expect(list.stdout).toMatch(/^maria\s+head/m);
  });

  it('limits a head to a team with --team, and refuses a department and a team together', async () => {
    const res = await cli(['users', 'add', 'lead', '--role', 'head', '--team', 'T-CARE', '--data', dir], {
      input: 'a-long-password\n',
    });
    expect(res.code, res.stderr).toBe(0);
    const list = await cli(['users', 'list', '--data', dir]);
    expect(list.stdout).toMatch(/^lead\s+head\s+team T-CARE$/m);
    const both = await cli(
      ['users', 'add', 'lead2', '--role', 'head', '--team', 'T-CARE', '--department', 'Sales', '--data', dir],
      { input: 'a-long-password\n' },
    );
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/a department or to a team, not both/);
  });

  it('refuses an unknown role with a one-line reason', async () => {
    const res = await cli(['users', 'add', 'x', '--role', 'boss', '--data', dir], {
      input: 'whatever-password\n',
    });
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      'callscore: --role must be one of admin, qa_lead, qa, head, payroll, operator',
    );
  });
});

describe('callscore import', () => {
  it('prints the report with quarantined lines', async () => {
    const file = path.join(path.dirname(dir), 'teams.csv');
    writeFileSync(file, 'team_id,name\nT-NEW,Night shift\n,No id\n');
    const res = await cli(['import', 'teams', file, '--data', dir]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('read 2, loaded 1, quarantined 1, duplicates 0');
    expect(res.stdout).toContain('line 3: team_id: is required');
    const again = await cli(['import', 'teams', file, '--data', dir]);
    expect(again.stdout).toMatch(/imported already .*nothing changed/);
  });

  it('an unknown kind is a usage error', async () => {
    const res = await cli(['import', 'calendars', 'x.csv', '--data', dir]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/kinds: teams, operators/);
  });
});

describe('callscore serve', () => {
  it('serves the API from any folder, and the store refuses a second writer meanwhile', async () => {
    const port = await freePort();
    const server = await serve(dir, port);
    try {
      const creds = readFileSync(path.join(dir, 'demo-credentials.txt'), 'utf8');
      const password = /^head\s+(\S+)/m.exec(creds)?.[1] as string;
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'head', password }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const activity = await fetch(`${server.url}/api/operators/activity?period=2026-10`, {
        headers: { cookie },
      });
      const body = await activity.json();
      expect(body.operators.length).toBeGreaterThanOrEqual(7);
      expect(body.operators.reduce((s: number, o: { calls: number }) => s + o.calls, 0)).toBeGreaterThan(
        1000,
      );

      const locked = await cli(['settings', 'get', '--data', dir]);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toMatch(/is open in another callscore process/);
    } finally {
      await server.stop();
    }
  });
});
