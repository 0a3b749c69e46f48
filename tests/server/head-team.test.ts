import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamsResponse } from '../../schemas/activity.ts';
import type { ErrorBody } from '../../schemas/api.ts';
import type { MeResponse } from '../../schemas/auth.ts';
import type { AssessmentView, ClaimView } from '../../schemas/claims.ts';
import type { SummaryResponse } from '../../schemas/dashboard.ts';
import type { PlansResponse } from '../../schemas/plans.ts';
import type { ScorecardsResponse } from '../../schemas/scorecard.ts';
import type { UserResponse, UsersResponse } from '../../schemas/users.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { loadGolden } from '../scoring/golden.ts';

/**
 * A head limited to a team (a team lead) on the golden case, with a third team in Sales: T1
 * (OP-A, OP-B) and T3 (OP-E) are Sales, T2 (OP-C, OP-D) is Service. The lead of T1 sees less
 * than the Sales department head.
 */
let env: TestEnv;
const as: Record<string, string> = {};
let leadId = 0;

beforeAll(async () => {
  env = await testEnv();
  await loadGolden(env);
  await importCsv(env, 'teams', 'teams-t3.csv', 'team_id,name,department\nT3,Outbound,Sales\n');
  await importCsv(
    env,
    'operators',
    'operators-t3.csv',
    'operator_id,name,team_id,pbx_ids,hired_on,active\nOP-E,Elena Stan,T3,1005,,true\n',
  );
  as.admin = await signIn(env, 'admin', await addUser(env, 'admin', 'admin'));
  as.qa = await signIn(env, 'qa', await addUser(env, 'qa', 'qa'));
});
afterAll(() => env.dispose());

const call = (method: string, url: string, who: string, body?: unknown, accept?: string) =>
  env.app.request(url, {
    method,
    headers: {
      cookie: as[who] as string,
      'content-type': 'application/json',
      ...(accept ? { accept } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;
const newUser = (body: Record<string, unknown>) =>
  call('POST', '/api/admin/users', 'admin', { password: 'pw-long-enough', ...body });
const setLimit = (id: number, department: string | null, team: string | null) =>
  call('PUT', `/api/admin/users/${id}/limit`, 'admin', { department, team });
const scorecardIds = async (who: string) =>
  (await json<ScorecardsResponse>(call('GET', '/api/scorecards?period=2026-10', who))).operators
    .map((o) => o.scorecard.operatorId)
    .sort();
const auditOf = async (id: number) =>
  (
    await json<{ entries: { action: string; entityId: string; before: unknown; after: unknown }[] }>(
      call('GET', '/api/admin/audit?entity=user', 'admin'),
    )
  ).entries.filter((e) => e.entityId === String(id));

describe('an administrator limits a head to a team', () => {
  it('through the users API; the user, the list, /api/auth/me and the audit log carry it', async () => {
    const res = await newUser({ username: 'lead', displayName: 'Team Lead', role: 'head', team: 'T1' });
    expect(res.status).toBe(201);
    const { user } = (await res.json()) as UserResponse;
    expect(user).toMatchObject({ username: 'lead', role: 'head', department: null, team: 'T1' });
    leadId = user.id;

    const { users } = await json<UsersResponse>(call('GET', '/api/admin/users', 'admin'));
    expect(users.find((u) => u.username === 'lead')).toMatchObject({ team: 'T1', department: null });
    expect(users.find((u) => u.username === 'qa')).toMatchObject({ team: null, department: null });

    const [created] = await auditOf(leadId);
    expect(created).toMatchObject({ action: 'create', after: { team: 'T1', department: null } });

    as.lead = await signIn(env, 'lead', 'pw-long-enough');
    const me = await json<MeResponse>(call('GET', '/api/auth/me', 'lead'));
    expect(me.user).toMatchObject({ username: 'lead', team: 'T1', department: null });

    expect((await newUser({ username: 'saleshead', role: 'head', department: 'Sales' })).status).toBe(201);
    as.salesHead = await signIn(env, 'saleshead', 'pw-long-enough');
  });

  it('refuses a team for another role, an unknown team, and a department and a team together', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ username: 'qa2', role: 'qa', team: 'T1' }, /only a head is limited to a team/],
      [
        { username: 'op2', role: 'operator', operatorId: 'OP-C', team: 'T2' },
        /only a head is limited to a team/,
      ],
      [{ username: 'lead2', role: 'head', team: 'T9' }, /no team with id "T9"/],
      [
        { username: 'lead3', role: 'head', department: 'Sales', team: 'T1' },
        /a department or to a team, not both/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await newUser(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json<ErrorBody>(res)).error.message).toMatch(message);
    }
    const qaId = (await json<UsersResponse>(call('GET', '/api/admin/users', 'admin'))).users.find(
      (u) => u.username === 'qa',
    )?.id as number;
    const refused: [Response, number, RegExp][] = [
      [await setLimit(qaId, null, 'T1'), 400, /only a head is limited to a team/],
      [await setLimit(leadId, 'Sales', 'T1'), 400, /not both/],
      [await setLimit(leadId, null, 'T9'), 400, /no team with id "T9"/],
      [await setLimit(99_999, null, 'T1'), 404, /no active user/],
    ];
    for (const [res, status, message] of refused) {
      expect(res.status).toBe(status);
      expect((await json<ErrorBody>(res)).error.message).toMatch(message);
    }
    expect(
      (await call('PUT', `/api/admin/users/${leadId}/limit`, 'lead', { department: null, team: null }))
        .status,
    ).toBe(403);
    // Nothing refused was saved.
    expect((await json<MeResponse>(call('GET', '/api/auth/me', 'lead'))).user.team).toBe('T1');
  });
});

describe('a team lead', () => {
  it('sees only his team in scorecards, the ranking (JSON and Arrow), teams and the roster', async () => {
    expect(await scorecardIds('lead')).toEqual(['OP-A', 'OP-B']);
    // The department head of the same department sees the other Sales team too.
    expect(await scorecardIds('salesHead')).toEqual(['OP-A', 'OP-B', 'OP-E']);

    const ranking = await json<{ operators: { operatorId: string }[] }>(
      call('GET', '/api/ranking?period=2026-10', 'lead'),
    );
    expect(ranking.operators.map((r) => r.operatorId).sort()).toEqual(['OP-A', 'OP-B']);
    const arrow = await call(
      'GET',
      '/api/ranking?period=2026-10',
      'lead',
      undefined,
      'application/vnd.apache.arrow.stream',
    );
    const table = tableFromIPC(new Uint8Array(await arrow.arrayBuffer()));
    expect(
      table
        .toArray()
        .map((r) => r.toJSON().operatorId)
        .sort(),
    ).toEqual(['OP-A', 'OP-B']);

    const teams = await json<TeamsResponse>(call('GET', '/api/teams', 'lead'));
    expect(teams.teams.map((t) => t.teamId)).toEqual(['T1']);
    const roster = await json<{ operators: { operatorId: string }[] }>(call('GET', '/api/operators', 'lead'));
    expect(roster.operators.map((o) => o.operatorId).sort()).toEqual(['OP-A', 'OP-B']);
  });

  it('gets the dashboard of his team only, with only his department to pick', async () => {
    const summary = await json<SummaryResponse>(call('GET', '/api/dashboard/summary?period=2026-10', 'lead'));
    expect(summary.teams.map((t) => t.teamId)).toEqual(['T1']);
    expect(summary.aggregate.operators).toBe(2);
    expect(summary.departments).toEqual(['Sales']);
    // Another team asked for by name: nothing of it.
    const other = await json<SummaryResponse>(
      call('GET', '/api/dashboard/summary?period=2026-10&team=T2', 'lead'),
    );
    expect(other.aggregate.operators).toBe(0);
    const admin = await json<SummaryResponse>(call('GET', '/api/dashboard/summary?period=2026-10', 'admin'));
    expect(admin.departments).toEqual(['Sales', 'Service']);
  });

  it('reads claims, assessments and plans of his team only', async () => {
    const mine = (id: string) => id === 'OP-A' || id === 'OP-B';
    const { claims } = await json<{ claims: ClaimView[] }>(call('GET', '/api/claims', 'lead'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => mine(c.operatorId))).toBe(true);
    const { assessments } = await json<{ assessments: AssessmentView[] }>(
      call('GET', '/api/assessments', 'lead'),
    );
    expect(assessments.every((a) => mine(a.operatorId))).toBe(true);
    const plans = await json<PlansResponse>(call('GET', '/api/plans?period=2026-10', 'lead'));
    expect(plans.teamNorms.map((t) => t.teamId)).toEqual(['T1']);
    expect(plans.operators.every((o) => mine(o.operatorId))).toBe(true);
  });

  it('is refused another team’s operator, in his department or not', async () => {
    for (const id of ['OP-C', 'OP-E']) {
      const res = await call('GET', `/api/scorecards/${id}?period=2026-10`, 'lead');
      expect(res.status).toBe(403);
      expect((await json<ErrorBody>(res)).error.message).toBe(`operator "${id}" is not in team T1`);
      for (const what of ['trend', 'orders', 'claims', 'assessments', 'activity']) {
        expect((await call('GET', `/api/operators/${id}/${what}?period=2026-10`, 'lead')).status, what).toBe(
          403,
        );
      }
    }
    expect((await call('GET', '/api/scorecards/OP-A?period=2026-10', 'lead')).status).toBe(200);
    expect((await call('GET', '/api/operators/OP-B/trend?period=2026-10', 'lead')).status).toBe(200);
  });

  it('registers claims and assessments and sets targets and norms for his team only', async () => {
    const claim = (operatorId: string) =>
      call('POST', '/api/claims', 'lead', {
        operatorId,
        source: 'client',
        description: 'Rude to the client',
      });
    const assessment = (operatorId: string) =>
      call('POST', '/api/assessments', 'lead', {
        operatorId,
        polarity: 'positive',
        note: 'Helped a colleague',
      });
    expect((await claim('OP-E')).status).toBe(403);
    expect((await claim('OP-C')).status).toBe(403);
    expect((await assessment('OP-E')).status).toBe(403);
    expect((await claim('OP-A')).status).toBe(201);
    expect((await assessment('OP-B')).status).toBe(201);

    const target = (teamId: string) =>
      call('PUT', '/api/plans/targets', 'lead', { teamId, period: '2026-12', metric: 'tasks', target: 3 });
    const norm = (scope: 'team' | 'operator', subjectId: string) =>
      call('PUT', '/api/plans/norms', 'lead', { scope, subjectId, period: '2026-12', tasksNorm: 4 });
    expect((await target('T3')).status).toBe(403);
    expect((await norm('team', 'T3')).status).toBe(403);
    expect((await norm('operator', 'OP-E')).status).toBe(403);
    expect((await target('T1')).status).toBe(200);
    expect((await norm('operator', 'OP-A')).status).toBe(200);
  });
});

describe('changing a head’s limit', () => {
  it('takes effect on his next request and is audited with the value before and after', async () => {
    // The lead's session is in memory from the requests above.
    expect(await scorecardIds('lead')).toEqual(['OP-A', 'OP-B']);
    const res = await setLimit(leadId, null, 'T3');
    expect(res.status).toBe(200);
    expect((await json<UserResponse>(res)).user).toMatchObject({ team: 'T3', department: null });
    expect(await scorecardIds('lead')).toEqual(['OP-E']);
    expect((await json<MeResponse>(call('GET', '/api/auth/me', 'lead'))).user.team).toBe('T3');
    const forbidden = await json<ErrorBody>(call('GET', '/api/scorecards/OP-A?period=2026-10', 'lead'));
    expect(forbidden.error.message).toBe('operator "OP-A" is not in team T3');

    const updates = (await auditOf(leadId)).filter((e) => e.action === 'update');
    expect(updates[0]).toMatchObject({
      before: { team: 'T1', department: null },
      after: { team: 'T3', department: null },
    });

    // From a team to a department, and to no limit at all.
    expect((await setLimit(leadId, 'Sales', null)).status).toBe(200);
    expect(await scorecardIds('lead')).toEqual(['OP-A', 'OP-B', 'OP-E']);
    expect((await setLimit(leadId, null, null)).status).toBe(200);
    expect(await scorecardIds('lead')).toEqual(['OP-A', 'OP-B', 'OP-C', 'OP-D', 'OP-E']);
  });
});
