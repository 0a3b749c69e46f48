import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../core/time.ts';
import { shiftPeriod } from '../../fixtures/demo/time.ts';
import { cli as runCli } from '../helpers/cli.ts';
import { storeEnv, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { expectedScorecards, loadGolden } from '../scoring/golden.ts';

let env: TestEnv;
/** The CLI on the same data directory and operational store as `env`. */
const cli = (args: string[]) => runCli(args, { env: storeEnv(env) });
let dir: string;

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  dir = env.dir;
  // The CLI opens the data directory itself: this process lets go of it first.
  await env.rt.close();
});
afterAll(async () => {
  const { rmSync } = await import('node:fs');
  rmSync(dir, { recursive: true, force: true });
});

describe('callscore score', () => {
  it('prints the golden scorecards as JSON, exactly as docs/scoring.md names them', async () => {
    const r = await cli(['score', '--period', '2026-10', '--format', 'json', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedScorecards('2026-10'));
  });

  it('filters a team and prints a table or CSV', async () => {
    const table = await cli(['score', '--period', '2026-10', '--team', 'T2', '--data', dir]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^operator\s+name\s+team\s+tasks\s+quality\s+auto\s+heard\s+targets/);
    // No transcripts in this case: no auto score (—), none of the calls heard (0.0%).
    expect(lines[2]).toMatch(
      /^OP-D\s+Dan Lupu\s+Care\s+1\/2\s+20\.00\s+—\s+0\.0%\s+50\.0%\s+6\+3\s+100\.0%\s+5\s+0\.5000\s+5000\.00$/,
    );
    const csv = await cli(['score', '--period', '2026-10', '--format', 'csv', '--data', dir]);
    expect(csv.stdout.split('\n')[0]).toMatch(/^operatorId,period,handledCalls,/);
    expect(csv.stdout.split('\n')).toHaveLength(6);
  });

  it('refuses a bad period or format in one line', async () => {
    const bad = await cli(['score', '--period', '2026-13', '--data', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('callscore: --period YYYY-MM is required (e.g. --period 2026-10)');
    const fmt = await cli(['score', '--period', '2026-10', '--format', 'xml', '--data', dir]);
    expect(fmt.stderr.trim()).toBe('callscore: --format must be one of table, csv, json');
  });
});

describe('callscore payroll', () => {
  it('exports CSV and XLSX, approves, and exports the same bytes afterwards', async () => {
    const csvFile = path.join(dir, 'pay.csv');
    const xlsxFile = path.join(dir, 'pay.xlsx');
    expect(
      (await cli(['payroll', 'export', '--period', '2026-10', '--out', csvFile, '--data', dir])).code,
    ).toBe(0);
    expect(readFileSync(csvFile, 'utf8')).toContain(
      'OP-A,Ana Rusu,Order desk,2026-10,MDL,20000.00,0.4063,8126.00,-11874.00',
    );

    // OP-C has no variable base in October: refused until confirmed by id.
    const refused = await cli(['payroll', 'approve', '--period', '2026-10', '--data', dir]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('2026-10 has 1 operator(s) with no variable base: OP-C (');
    const approve = await cli([
      'payroll',
      'approve',
      '--period',
      '2026-10',
      '--confirm-missing-bases',
      'OP-C',
      '--data',
      dir,
    ]);
    expect(approve.stdout).toMatch(/^2026-10 approved at /);
    const r = await cli([
      'payroll',
      'export',
      '--period',
      '2026-10',
      '--format',
      'xlsx',
      '--out',
      xlsxFile,
      '--data',
      dir,
    ]);
    expect(r.stderr).toMatch(/pay\.xlsx: \d+ bytes \(approved\)/);
    const sheet = await readSheet(readFileSync(xlsxFile));
    expect(sheet.find((row) => row[0] === 'OP-B')?.[7]).toBe(7650.26);
    const again = path.join(dir, 'again.xlsx');
    await cli([
      'payroll',
      'export',
      '--period',
      '2026-10',
      '--format',
      'xlsx',
      '--out',
      again,
      '--data',
      dir,
    ]);
    expect(readFileSync(again).equals(readFileSync(xlsxFile))).toBe(true);

    const reopen = await cli(['payroll', 'reopen', '--period', '2026-10', '--data', dir]);
    expect(reopen.code).toBe(2);
    expect(reopen.stderr).toContain('needs --reason');
  });
});

describe('callscore payroll approve', () => {
  it('refuses a month that has not ended in the company zone, or that has no calls', async () => {
    const thisMonth = localDate(new Date(), 'Europe/Chisinau').slice(0, 7);
    const running = await cli(['payroll', 'approve', '--period', thisMonth, '--data', dir]);
    expect(running.code).not.toBe(0);
    expect(running.stderr.trim()).toBe(
      `callscore: ${thisMonth} has not ended yet in Europe/Chisinau: it can be approved from ${shiftPeriod(thisMonth, 1)}-01`,
    );
    const empty = await cli(['payroll', 'approve', '--period', '2026-08', '--data', dir]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr.trim()).toBe('callscore: 2026-08 has no calls: there is nothing to approve');
    const status = await cli(['payroll', 'status', '--period', '2026-08', '--data', dir]);
    expect(JSON.parse(status.stdout)).toMatchObject({ period: '2026-08', status: 'open' });
  });
});
