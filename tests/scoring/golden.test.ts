import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPeriod } from '../../schemas/period.ts';
import type { ScorecardResponse, ScorecardsResponse } from '../../schemas/scorecard.ts';
import { scoreRange } from '../../server/scoring/score-range.ts';
import { readSettings } from '../../server/settings/settings.repository.ts';
import { cli } from '../helpers/cli.ts';
import { caseFolders, clearChanged, compareWithFile } from '../helpers/golden.ts';
import { addUser, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { caseDir, GOLDEN, type GoldenRun, loadGolden, readCase, runLabel } from './golden.ts';

/**
 * Every golden scoring case (tests/scoring/golden/<case>/, see its README): its input loaded
 * through the importer into a fresh data directory, each of its periods asked of the API
 * (GET /api/scorecards) and of `callscore score` in a child process, and both compared with
 * expected/: `<label>.json` the scorecards (the CLI's JSON, the API's `operators[].scorecard`),
 * `<label>.api.json` the rest of the API's answer that the case is about, `<label>.csv` the CLI's
 * CSV. A mismatch writes what was given to <case>/-changed/ (tests/helpers/golden.ts).
 */

const cases = caseFolders(GOLDEN, path.join('input', 'case.json'));

const query = (r: GoldenRun) => ('period' in r ? `period=${r.period}` : `from=${r.from}&to=${r.to}`);

/** The API's answer without the scorecards (compared apart) and the explanations' wording. */
const apiProjection = (body: ScorecardsResponse) => ({
  range: body.range,
  period: body.period,
  currency: body.currency,
  source: body.source,
  payPeriod: body.payPeriod?.status ?? null,
  operators: body.operators.map((o) => ({
    operatorId: o.scorecard.operatorId,
    name: o.name,
    teamId: o.teamId,
    department: o.department,
    rule: { department: o.rule.department, version: o.rule.version },
    targets: o.targets,
    evaluations: o.evaluations,
    asa: o.asa,
    coefficientFormula: o.coefficientFormula ?? null,
  })),
});

describe('golden scoring cases', () => {
  it('finds the cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['month', 'range', 'los-angeles']));
  });

  for (const name of cases) {
    describe(name, () => {
      const dir = caseDir(name);
      const spec = readCase(name);
      let env: TestEnv;
      let head: string;
      let open = false;
      const letGo = async () => {
        if (open) await env.rt.close();
        open = false;
      };

      beforeAll(async () => {
        clearChanged(dir);
        env = await testEnv();
        open = true;
        await loadGolden(env, name);
        head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
      });
      afterAll(async () => {
        await letGo();
        rmSync(env.dir, { recursive: true, force: true });
      });

      for (const r of spec.runs) {
        const label = runLabel(r);
        it(`${label}: GET /api/scorecards gives the expected scorecards`, async () => {
          const res = await env.app.request(`/api/scorecards?${query(r)}`, { headers: { cookie: head } });
          expect(res.status).toBe(200);
          const body = (await res.json()) as ScorecardsResponse;
          compareWithFile(
            dir,
            `${label}.json`,
            body.operators.map((o) => o.scorecard),
            `${name} ${label}: API scorecards`,
          );
          compareWithFile(dir, `${label}.api.json`, apiProjection(body), `${name} ${label}: API answer`);
        });
      }

      // The CLI opens the data directory itself: this process lets go of it first.
      it('lets go of the data directory for the CLI', letGo);

      for (const r of spec.runs) {
        const label = runLabel(r);
        const args = 'period' in r ? ['--period', r.period] : ['--from', r.from, '--to', r.to];
        it(`${label}: callscore score --format json${'period' in r ? ' and csv give' : ' gives'} the expected files`, async () => {
          const json = await cli(['score', ...args, '--format', 'json', '--data', env.dir]);
          expect(json.stderr).toBe('');
          expect(json.code).toBe(0);
          compareWithFile(dir, `${label}.json`, JSON.parse(json.stdout), `${name} ${label}: CLI JSON`);
          // A range has no pay period and no CSV expected of it.
          if (!('period' in r)) return;
          const csv = await cli(['score', ...args, '--format', 'csv', '--data', env.dir]);
          expect(csv.code).toBe(0);
          compareWithFile(dir, `${label}.csv`, csv.stdout, `${name} ${label}: CLI CSV`);
        });
      }
    });
  }
});

describe('the month case, further', () => {
  let env: TestEnv;
  let head: string;
  let operatorA: string;

  beforeAll(async () => {
    env = await testEnv();
    await loadGolden(env);
    head = await signIn(env, 'head', await addUser(env, 'head', 'head'));
    operatorA = await signIn(env, 'ana', await addUser(env, 'ana', 'operator', 'OP-A'));
  });
  afterAll(() => env.dispose());

  const get = (url: string, cookie: string) => env.app.request(url, { headers: { cookie } });

  it('scores a period with the rule in force on its first day', async () => {
    const oct = await scoreRange(env.rt, monthPeriod('2026-10'), await readSettings(env.rt.db));
    const nov = await scoreRange(env.rt, monthPeriod('2026-11'), await readSettings(env.rt.db));
    const ruleOf = (rows: typeof oct, id: string) => rows.find((r) => r.scorecard.operatorId === id)?.rule;
    expect(ruleOf(oct, 'OP-D')).toMatchObject({ department: 'Service', version: 1 });
    expect(ruleOf(nov, 'OP-D')).toMatchObject({ department: 'Service', version: 2 });
    expect(ruleOf(oct, 'OP-A')).toMatchObject({ department: null, version: 1 });
  });

  it('itemises each deduction with its inputs, formula and money', async () => {
    const res = await get('/api/scorecards/OP-A?period=2026-10', head);
    const { operator } = (await res.json()) as ScorecardResponse;
    const quality = operator.explanation.find((l) => l.key === 'quality');
    expect(quality).toMatchObject({
      applied: true,
      inputs: { qualityScore: 78.75, threshold: 80, perPoint: 0.015, cap: 0.3 },
      formula: 'min(0.3, 0.015 × max(0, 80 − 78.75)) = 0.01875',
      fraction: 0.01875,
      capped: false,
      amount: 37_500,
    });
    expect(operator.explanation.find((l) => l.key === 'orderErrors')).toMatchObject({
      capped: true,
      amount: 400_000,
    });
    expect(operator.targets).toEqual([
      { metric: 'order_revenue', target: 1000, actual: 1200, achievement: 1 },
      { metric: 'orders', target: 10, actual: 8, achievement: 0.8 },
    ]);
    expect(operator.evaluations).toBe(4);
  });

  it('scores any date range, with norms and targets in proportion and no pay', async () => {
    const res = await get('/api/scorecards?from=2026-10-01&to=2026-10-16', head);
    const body = (await res.json()) as ScorecardsResponse;
    const a = body.operators.find((o) => o.scorecard.operatorId === 'OP-A')?.scorecard;
    expect(a?.period).toBe('2026-10-01..2026-10-16');
    // 15 of October's 31 days
    expect(a?.tasksNorm).toBe(1.94);
    expect(a?.variableBase).toBeNull();
    expect(a?.flags).toContain('not-a-pay-period');
    expect(a?.flags).not.toContain('no-variable-base');
  });

  it('lets an operator read only his own scorecard', async () => {
    const own = await get('/api/scorecards/OP-A?period=2026-10', operatorA);
    expect(own.status).toBe(200);
    const other = await get('/api/scorecards/OP-B?period=2026-10', operatorA);
    expect(other.status).toBe(403);
    const list = (await (
      await get('/api/scorecards?period=2026-10', operatorA)
    ).json()) as ScorecardsResponse;
    expect(list.operators.map((o) => o.scorecard.operatorId)).toEqual(['OP-A']);
  });

  it('filters by team and department, and refuses a bad query with a 400', async () => {
    const t2 = (await (
      await get('/api/scorecards?period=2026-10&team=T2', head)
    ).json()) as ScorecardsResponse;
    expect(t2.operators.map((o) => o.scorecard.operatorId)).toEqual(['OP-C', 'OP-D']);
    const sales = (await (
      await get('/api/scorecards?period=2026-10&department=Sales', head)
    ).json()) as ScorecardsResponse;
    expect(sales.operators.map((o) => o.scorecard.operatorId)).toEqual(['OP-A', 'OP-B']);
    const bad = await get('/api/scorecards?period=2026-13', head);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/period/);
    expect((await get('/api/scorecards/NOPE?period=2026-10', head)).status).toBe(404);
  });

  it('gives the contact-center KPIs per queue and team', async () => {
    const res = await get('/api/kpis?period=2026-10', head);
    expect(res.status).toBe(200);
    const body = (await res.json()) as import('../../schemas/scorecard.ts').KpisResponse;
    const sales = body.queues.find((q) => q.key === 'sales');
    // CA1, CA2, CA5, CA6, CB2 are the inbound sales calls of October, all answered
    expect(sales).toMatchObject({
      offered: 5,
      answered: 5,
      abandoned: 0,
      abandonmentRate: 0,
      serviceLevel: 1,
    });
    expect(body.teams.map((t) => t.key)).toEqual(['T2', 'T1']);
  });
});
