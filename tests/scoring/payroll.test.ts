import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../core/time.ts';
import { importFile } from '../../etl/import-file.ts';
import { shiftPeriod } from '../../fixtures/demo/time.ts';
import type { PayPeriodsResponse, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { approvePeriod } from '../../server/payroll/pay-periods.service.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import { parse } from '../helpers/csv.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { GOLDEN_ZONE, loadGolden } from './golden.ts';

let env: TestEnv;
const as: Record<string, string> = {};

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  for (const role of ['admin', 'head', 'payroll'] as const)
    as[role] = await signIn(env, role, await addUser(env, role, role));
});
afterAll(() => env.dispose());

const req = (url: string, who: string, init: RequestInit = {}) =>
  env.app.request(url, {
    ...init,
    headers: { cookie: as[who] as string, 'content-type': 'application/json' },
  });
const post = (url: string, who: string, body?: unknown) =>
  req(url, who, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
/** The operators of October without a variable base, once OP-E and OP-F are added below. */
const MISSING = ['OP-C', 'OP-E', 'OP-F'];
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

async function importText(kind: 'claims' | 'orders', name: string, text: string) {
  const file = path.join(env.dir, name);
  writeFileSync(file, text);
  return importFile(env.rt, { kind, file, actor: 'test', timeZone: GOLDEN_ZONE });
}

describe('the payroll export', () => {
  it('writes CSV with a BOM, one row per operator, amounts in major units, selectable separators', async () => {
    const res = await req('/api/pay-periods/2026-10/export?format=csv', 'payroll');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payroll-2026-10-draft.csv"');
    const raw = await bytes(res);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      'employee_id,name,team,period,currency,variable_base,coefficient,payout,adjustment,reasons',
    );
    const rows = parse(text.replaceAll('\r\n', '\n'));
    // ordered like the roster: by team, then name
    expect(rows.map((r) => r.employee_id)).toEqual(['OP-D', 'OP-C', 'OP-A', 'OP-B']);
    const row = (id: string) => rows.find((r) => r.employee_id === id);
    expect(row('OP-A')).toEqual({
      employee_id: 'OP-A',
      name: 'Ana Rusu',
      team: 'Order desk',
      period: '2026-10',
      currency: 'MDL',
      variable_base: '20000.00',
      coefficient: '0.4063',
      payout: '8126.00',
      adjustment: '-11874.00',
      reasons: 'Order errors −20.00%; Justified client claims −10.00%; Negative assessments −10.00%',
    });
    expect(row('OP-B')?.payout).toBe('7650.26');
    expect(row('OP-C')).toMatchObject({
      variable_base: '',
      coefficient: '0.7500',
      payout: '',
      adjustment: '',
    });
    expect(row('OP-C')?.reasons).toBe('Team targets missed −25.00%; no variable base set');

    const semi = (
      await bytes(await req('/api/pay-periods/2026-10/export?delimiter=;&decimal=,', 'payroll'))
    ).toString();
    expect(semi).toContain('OP-A;Ana Rusu;Order desk;2026-10;MDL;20000,00;0,4063;8126,00;-11874,00;');
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const file = path.join(env.dir, 'evil-operators.csv');
    writeFileSync(
      file,
      'operator_id,name,team_id\nOP-E,"=HYPERLINK(""http://x"",""y"")",T2\nOP-F,@SUM(A1),T2\n',
    );
    await importFile(env.rt, { kind: 'operators', file, actor: 'test', timeZone: GOLDEN_ZONE });
    const csv = (await bytes(await req('/api/pay-periods/2026-12/export', 'payroll'))).toString();
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(`'@SUM(A1)`);
    const sheet = await readSheet(
      await bytes(await req('/api/pay-periods/2026-12/export?format=xlsx', 'payroll')),
    );
    expect(sheet.map((r) => r[1])).toContain(`'=HYPERLINK("http://x","y")`);
  });

  it('writes an XLSX workbook with numbers in major units', async () => {
    const res = await req('/api/pay-periods/2026-10/export?format=xlsx', 'payroll');
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const sheet = await readSheet(await bytes(res));
    const a = sheet.find((r) => r[0] === 'OP-A');
    expect(a?.slice(0, 9)).toEqual([
      'OP-A',
      'Ana Rusu',
      'Order desk',
      '2026-10',
      'MDL',
      20000,
      0.4063,
      8126,
      -11874,
    ]);
  });

  it('refuses an unknown format or a bad period with a 400', async () => {
    expect((await req('/api/pay-periods/2026-10/export?format=pdf', 'payroll')).status).toBe(400);
    expect((await req('/api/pay-periods/2026-1/export', 'payroll')).status).toBe(400);
    expect((await req('/api/pay-periods/2026-10/export', 'head')).status).toBe(403);
  });
});

describe('pay periods', () => {
  it('are approved by payroll only', async () => {
    expect((await post('/api/pay-periods/2026-10/approve', 'head')).status).toBe(403);
    expect((await post('/api/pay-periods/2026-10/approve', 'admin')).status).toBe(403);
  });

  it('refuse a month that has not ended in the company zone, or that has no calls', async () => {
    const thisMonth = localDate(new Date(), GOLDEN_ZONE).slice(0, 7);
    for (const period of [thisMonth, shiftPeriod(thisMonth, 1)]) {
      const res = await post(`/api/pay-periods/${period}/approve`, 'payroll');
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        `${period} has not ended yet in Europe/Chisinau: it can be approved from ${shiftPeriod(period, 1)}-01`,
      );
    }
    // October ends at 22:00 UTC on the 31st in Chisinau (UTC+2 since the 25th): a second before,
    // it is still October there.
    const settings = await readSettings(env.rt.db);
    await expect(
      approvePeriod(env.rt, '2026-10', settings, 'payroll', { now: new Date('2026-10-31T21:59:59Z') }),
    ).rejects.toThrow('2026-10 has not ended yet in Europe/Chisinau');
    // August had no calls (the golden case starts on 30 September).
    const empty = await post('/api/pay-periods/2026-08/approve', 'payroll');
    expect(empty.status).toBe(409);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe(
      '2026-08 has no calls: there is nothing to approve',
    );
    const periods = (await (await req('/api/pay-periods', 'payroll')).json()) as PayPeriodsResponse;
    expect(periods.periods.filter((p) => p.status === 'approved')).toEqual([]);
  });

  it('refuse a month with operators who have no variable base unless each is confirmed by id', async () => {
    // OP-C (Maria Ceban) has no base in October, nor have OP-E and OP-F (added above for the
    // formula-safe cells); the body is optional when nothing is confirmed.
    const plain = await post('/api/pay-periods/2026-10/approve', 'payroll');
    expect(plain.status).toBe(409);
    expect(((await plain.json()) as { error: { message: string } }).error.message).toBe(
      '2026-10 has 3 operator(s) with no variable base: OP-C (Maria Ceban), OP-E (=HYPERLINK("http://x","y")), ' +
        'OP-F (@SUM(A1)). They would get no variable ' +
        'pay; confirm each of them by id (confirmMissingBases) to approve anyway',
    );
    const extra = await post('/api/pay-periods/2026-10/approve', 'payroll', {
      confirmMissingBases: ['OP-C', 'OP-E', 'OP-F', 'OP-A'],
    });
    expect(extra.status).toBe(409);
    expect(((await extra.json()) as { error: { message: string } }).error.message).toBe(
      'confirmMissingBases names operators who have a variable base for 2026-10 or are not on it: OP-A',
    );
    const partial = await post('/api/pay-periods/2026-10/approve', 'payroll', {
      confirmMissingBases: ['OP-C'],
    });
    expect(partial.status).toBe(409);
    expect(((await partial.json()) as { error: { message: string } }).error.message).toContain(
      'no variable base: OP-E (',
    );
    const wrong = await post('/api/pay-periods/2026-10/approve', 'payroll', { confirmMissingBases: 'OP-C' });
    expect(wrong.status).toBe(400);
    const periods = (await (await req('/api/pay-periods', 'payroll')).json()) as PayPeriodsResponse;
    expect(periods.periods.find((p) => p.period === '2026-10')?.status).toBe('open');
  });

  it('stay byte-identical after approval, whatever is imported later', async () => {
    const approve = await post('/api/pay-periods/2026-10/approve', 'payroll', {
      confirmMissingBases: MISSING,
    });
    expect(approve.status).toBe(200);
    expect(((await approve.json()) as { payPeriod: { status: string } }).payPeriod.status).toBe('approved');
    expect(
      (await post('/api/pay-periods/2026-10/approve', 'payroll', { confirmMissingBases: MISSING })).status,
    ).toBe(409);

    const csv1 = await bytes(await req('/api/pay-periods/2026-10/export', 'payroll'));
    const xlsx1 = await bytes(await req('/api/pay-periods/2026-10/export?format=xlsx', 'payroll'));
    const cards1 = await (await req('/api/scorecards?period=2026-10', 'head')).json();

    // A claim decided in October but recorded after the lock, and a late order of October.
    await importText(
      'claims',
      'late-claims.csv',
      'claim_id,operator_id,source,received_at,status,decided_at\nK99,OP-B,client,2026-10-30T10:00:00,justified,2026-10-31T12:00:00\n',
    );
    await importText(
      'orders',
      'late-orders.csv',
      'order_id,operator_id,client_id,created_at,status,total\nO99,OP-B,CL-KEY,2026-10-20T10:00:00,accepted,100.00\n',
    );
    await new Promise((r) => setTimeout(r, 1100)); // a zip written now would carry another time

    const res = await req('/api/pay-periods/2026-10/export', 'payroll');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="payroll-2026-10.csv"');
    expect((await bytes(res)).equals(csv1)).toBe(true);
    expect(
      (await bytes(await req('/api/pay-periods/2026-10/export?format=xlsx', 'payroll'))).equals(xlsx1),
    ).toBe(true);
    const cards2 = (await (await req('/api/scorecards?period=2026-10', 'head')).json()) as ScorecardsResponse;
    expect(cards2).toEqual(cards1);
    expect(cards2.source).toBe('snapshot');

    // The late claim lands in the open period after the lock.
    const nov = (await (await req('/api/scorecards?period=2026-11', 'head')).json()) as ScorecardsResponse;
    expect(nov.operators.find((o) => o.scorecard.operatorId === 'OP-B')?.scorecard.clientClaims).toBe(1);
  });

  it('re-open only by an administrator with a reason, audited', async () => {
    expect((await post('/api/pay-periods/2026-10/reopen', 'payroll', { reason: 'late claims' })).status).toBe(
      403,
    );
    const noReason = await post('/api/pay-periods/2026-10/reopen', 'admin', { reason: '' });
    expect(noReason.status).toBe(400);
    const ok = await post('/api/pay-periods/2026-10/reopen', 'admin', { reason: 'A late order of October' });
    expect(ok.status).toBe(200);
    expect(
      (await post('/api/pay-periods/2026-10/reopen', 'admin', { reason: 'again and again' })).status,
    ).toBe(409);

    const audit = (await (await req('/api/admin/audit?entity=pay_period', 'admin')).json()) as {
      entries: {
        action: string;
        actor: string;
        after: { reason?: string; status: string; confirmedMissingBases?: string[] };
      }[];
    };
    expect(audit.entries.map((e) => [e.action, e.actor])).toEqual([
      ['reopen', 'admin'],
      ['approve', 'payroll'],
    ]);
    expect(audit.entries[0]?.after.reason).toBe('A late order of October');
    expect(audit.entries[1]?.after.confirmedMissingBases).toEqual(MISSING);

    // Open again: October is live, with the late order (the claim stays in November).
    const oct = (await (await req('/api/scorecards?period=2026-10', 'head')).json()) as ScorecardsResponse;
    expect(oct.source).toBe('live');
    const b = oct.operators.find((o) => o.scorecard.operatorId === 'OP-B')?.scorecard;
    expect(b?.ordersAccepted).toBe(5);
    expect(b?.clientClaims).toBe(0);
  });

  it('are listed, with the totals of approved ones', async () => {
    const before = (await (await req('/api/pay-periods', 'payroll')).json()) as PayPeriodsResponse;
    expect(before.periods.find((p) => p.period === '2026-10')).toMatchObject({
      status: 'open',
      reopenedBy: 'admin',
      totals: null,
    });
    expect(before.periods.map((p) => p.period)).toEqual(
      [...before.periods.map((p) => p.period)].sort().reverse(),
    );

    const approve = await post('/api/pay-periods/2026-10/approve', 'payroll', {
      confirmMissingBases: MISSING,
    });
    expect(approve.status).toBe(200);
    const cards = (await (await req('/api/scorecards?period=2026-10', 'head')).json()) as ScorecardsResponse;
    const after = (await (await req('/api/pay-periods', 'payroll')).json()) as PayPeriodsResponse;
    expect(after.periods.find((p) => p.period === '2026-10')?.totals).toEqual({
      operators: cards.operators.length,
      variableBase: 2_000_000 + 1_500_050 + 1_000_000,
      payout: cards.operators.reduce((s, o) => s + (o.scorecard.payout ?? 0), 0),
      adjustment: cards.operators.reduce((s, o) => s + (o.scorecard.adjustment ?? 0), 0),
    });
  });
});
