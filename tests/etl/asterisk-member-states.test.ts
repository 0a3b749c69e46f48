import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The queue_log's member events (logins, pauses) as operators' states: logged in over the union of
 * his queues, paused only when paused in every one, talk from the calls he answered, a state cut
 * by a rotation whole once both files are in, and what the operator page reads of them.
 */

const T0 = 1791187200; // 2026-10-05 08:00:00 UTC
const DAY2 = 1791273600; // 2026-10-06 08:00:00 UTC
const at = (base: number, s: number) => new Date((base + s) * 1000).toISOString().replace('.000Z', 'Z');

const line = (t: number, callid: string, queue: string, agent: string, event: string, ...data: string[]) =>
  [T0 + t, callid, queue, agent, event, ...data].join('|');

/**
 * Ana (PJSIP/101) in sales and support: a pause in sales alone (still available), a call, a
 * lunch in both queues, removed from both. Boris (Local/201@from-queue/n, pbx_ids `201`): a
 * PAUSEALL with its per-queue PAUSEs as app_queue writes them, a call, a pause with the queue
 * NONE, removed. An agent no operator has, and events of the queue that give no state.
 */
const QUEUE_LOG = [
  line(0, 'NONE', 'NONE', 'NONE', 'QUEUESTART'),
  line(0, 'MANAGER', 'sales', 'PJSIP/101', 'ADDMEMBER', ''),
  line(0, 'MANAGER', 'support', 'PJSIP/101', 'ADDMEMBER', ''),
  line(100, 'MANAGER', 'sales', 'Local/201@from-queue/n', 'ADDMEMBER', ''),
  line(100, 'MANAGER', 'support', 'Local/201@from-queue/n', 'ADDMEMBER', ''),
  line(150, 'MANAGER', 'sales', 'SIP/999', 'ADDMEMBER', ''),
  line(160, 'NONE', 'sales', 'SIP/999', 'PAUSE', 'lunch'),
  line(170, 'NONE', 'sales', 'PJSIP/101', 'PENALTY', '2'),
  line(600, 'NONE', 'sales', 'PJSIP/101', 'PAUSE', 'coaching'),
  line(900, 'NONE', 'sales', 'PJSIP/101', 'UNPAUSE', ''),
  line(1190, '1791188390.1', 'sales', 'NONE', 'ENTERQUEUE', '', '069000001', '1'),
  line(1200, '1791188390.1', 'sales', 'PJSIP/101', 'CONNECT', '10', '1791188400.2', '3'),
  line(1500, '1791188390.1', 'sales', 'PJSIP/101', 'COMPLETECALLER', '10', '300', '1'),
  line(1800, 'NONE', 'sales', 'PJSIP/101', 'PAUSE', 'lunch'),
  line(1800, 'NONE', 'support', 'PJSIP/101', 'PAUSE', 'lunch'),
  line(2000, 'NONE', 'NONE', 'Local/201@from-queue/n', 'PAUSEALL', ''),
  line(2000, 'NONE', 'sales', 'Local/201@from-queue/n', 'PAUSE', 'break'),
  line(2000, 'NONE', 'support', 'Local/201@from-queue/n', 'PAUSE', 'break'),
  line(2300, 'NONE', 'NONE', 'Local/201@from-queue/n', 'UNPAUSEALL', ''),
  line(2300, 'NONE', 'sales', 'Local/201@from-queue/n', 'UNPAUSE', ''),
  line(2300, 'NONE', 'support', 'Local/201@from-queue/n', 'UNPAUSE', ''),
  line(2495, '1791189695.3', 'support', 'NONE', 'ENTERQUEUE', '', '069000002', '1'),
  line(2500, '1791189695.3', 'support', 'Local/201@from-queue/n', 'CONNECT', '5', '1791189700.4', '2'),
  line(2800, '1791189695.3', 'support', 'Local/201@from-queue/n', 'COMPLETEAGENT', '5', '300', '1'),
  line(3000, 'NONE', 'NONE', 'Local/201@from-queue/n', 'PAUSE', 'toilet'),
  line(3300, 'NONE', 'NONE', 'Local/201@from-queue/n', 'UNPAUSE', ''),
  line(3600, 'NONE', 'sales', 'PJSIP/101', 'UNPAUSE', ''),
  line(3600, 'NONE', 'support', 'PJSIP/101', 'UNPAUSE', ''),
  line(4000, 'MANAGER', 'sales', 'PJSIP/101', 'REMOVEMEMBER', ''),
  line(4200, 'MANAGER', 'support', 'PJSIP/101', 'REMOVEMEMBER', ''),
  line(4300, 'MANAGER', 'sales', 'Local/201@from-queue/n', 'REMOVEMEMBER', ''),
  line(4300, 'MANAGER', 'support', 'Local/201@from-queue/n', 'REMOVEMEMBER', ''),
].join('\n');

const OP1 = [
  ['available', 0, 1200, null],
  ['talk', 1200, 1500, null],
  ['available', 1500, 1800, null],
  ['pause', 1800, 3600, 'lunch'],
  ['available', 3600, 4200, null],
] as const;
const OP2 = [
  ['available', 100, 2000, null],
  ['pause', 2000, 2300, 'break'],
  ['available', 2300, 2500, null],
  ['talk', 2500, 2800, null],
  ['available', 2800, 3000, null],
  ['pause', 3000, 3300, 'toilet'],
  ['available', 3300, 4300, null],
] as const;
const expectedStates = (
  op: string,
  base: number,
  spans: readonly (readonly [string, number, number, string | null])[],
) =>
  spans.map(([state, from, to, reason]) => ({
    operator_id: op,
    state,
    started_at: at(base, from),
    ended_at: at(base, to),
    reason,
  }));

let env: TestEnv;
let head: string;
let written = 0;
const importQueueLog = (text: string, name = `queue_log-${++written}`) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, `${text}\n`);
  return importFile(env.rt, { kind: 'calls', file, actor: 'test', timeZone: 'UTC' });
};
const states = (where = 'true') =>
  env.rt.analytics.rows(`SELECT operator_id, state,
      strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS started_at,
      strftime(ended_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS ended_at, reason
    FROM operator_states WHERE ${where} ORDER BY operator_id, operator_states.started_at`);

beforeAll(async () => {
  env = await testEnv({ timeZone: 'UTC' });
  await importCsv(env, 'teams', 'teams.csv', 'team_id,name,department\nT1,Desk,Sales\n');
  await importCsv(
    env,
    'operators',
    'operators.csv',
    'operator_id,name,team_id,pbx_ids\nOP-1,Ana,T1,PJSIP/101\nOP-2,Boris,T1,201\nOP-3,Dan,T1,SIP/301\n',
  );
  head = await signIn(env, 'victor', await addUser(env, 'victor', 'head'));
});
afterAll(() => env.dispose());

describe('queue_log member events as operator states', () => {
  it('give each operator his time logged in, pauses and talk, and say so in the report', async () => {
    const report = await importQueueLog(QUEUE_LOG, 'queue_log');
    expect(report).toMatchObject({ status: 'done', read: 2, loaded: 2, quarantined: 0 });
    expect(report.notes).toEqual([
      '32 lines: 6 events of 2 calls, 26 events of queue members and queues',
      '0 abandoned before an operator answered',
      '0 transferred',
      "operator states from the queue members' logins and pauses: 12 of 2 operators (available, talk, pause), 12 new, 0 replaced",
      '2 events of queue members match no operator (pbx_ids): SIP/999; kept, no state',
      'events of queues and members that give no state: 1 PENALTY, 1 QUEUESTART',
    ]);
    expect(await states()).toEqual([...expectedStates('OP-1', T0, OP1), ...expectedStates('OP-2', T0, OP2)]);
  });

  it("give the operator page's time logged in, occupancy and pauses", async () => {
    const activity = async (op: string) => {
      const res = await env.app.request(`/api/operators/${op}/activity?period=2026-10`, {
        headers: { cookie: head },
      });
      expect(res.status).toBe(200);
      return (await res.json()).operators[0].agentTime;
    };
    expect(await activity('OP-1')).toEqual({
      loggedSeconds: 4200,
      availableSeconds: 2100, // 1200 + 300 + 600: the pause in sales alone left her available
      talkSeconds: 300,
      wrapSeconds: 0,
      pauseSeconds: 1800,
      occupancy: 0.125, // 300 / (2100 + 300)
      pauseShare: 0.4286, // 1800 / 4200
      pauses: [{ reason: 'lunch', seconds: 1800 }],
    });
    expect(await activity('OP-2')).toEqual({
      loggedSeconds: 4200,
      availableSeconds: 3300,
      talkSeconds: 300,
      wrapSeconds: 0,
      pauseSeconds: 600,
      occupancy: 0.0833, // 300 / (3300 + 300)
      pauseShare: 0.1429, // 600 / 4200
      pauses: [
        { reason: 'break', seconds: 300 },
        { reason: 'toilet', seconds: 300 },
      ],
    });
  });

  it('change nothing when the same events come again, in the same file or another', async () => {
    const before = await env.rt.analytics.rows(
      'SELECT * FROM operator_states ORDER BY operator_id, started_at',
    );
    const again = await importQueueLog(QUEUE_LOG, 'queue_log');
    expect(again.status).toBe('already_imported');
    const copy = await importQueueLog(`${QUEUE_LOG}\n${line(4300, 'NONE', 'NONE', 'NONE', 'CONFIGRELOAD')}`);
    expect(copy).toMatchObject({ status: 'done', loaded: 0 });
    expect(copy.notes).toContain(
      'events of queues and members that give no state: 1 CONFIGRELOAD, 1 PENALTY, 1 QUEUESTART',
    );
    expect(copy.notes.some((n) => n.startsWith('operator states'))).toBe(false);
    expect(
      await env.rt.analytics.rows('SELECT * FROM operator_states ORDER BY operator_id, started_at'),
    ).toEqual(before);
  });

  it('keep a pause cut by a rotation open at the first file end, and whole once the next file is in', async () => {
    const d = (t: number, ...rest: string[]) => [DAY2 + t, ...rest].join('|');
    // queue_log.1 ends mid-pause (its last line a call of another operator's queue); queue_log ends it
    const first = [
      d(0, 'MANAGER', 'sales', 'SIP/301', 'ADDMEMBER', ''),
      d(500, 'NONE', 'sales', 'SIP/301', 'PAUSE', 'lunch'),
      d(800, '1791274400.9', 'sales', 'NONE', 'ENTERQUEUE', '', '069000003', '1'),
      d(810, '1791274400.9', 'sales', 'NONE', 'ABANDON', '1', '1', '10'),
    ].join('\n');
    const second = [
      d(1400, 'NONE', 'sales', 'SIP/301', 'UNPAUSE', ''),
      d(2000, 'MANAGER', 'sales', 'SIP/301', 'REMOVEMEMBER', ''),
    ].join('\n');
    const one = await importQueueLog(first, 'queue_log.1');
    expect(one.notes).toContain(
      "1 operators still logged in when the file ends: their last state runs to its last event for now, and the next file's events carry it on",
    );
    expect(await states("operator_id = 'OP-3'")).toEqual(
      expectedStates('OP-3', DAY2, [
        ['available', 0, 500, null],
        ['pause', 500, 810, 'lunch'],
      ]),
    );
    const two = await importQueueLog(second, 'queue_log');
    expect(two.notes).toContain(
      "operator states from the queue members' logins and pauses: 3 of 1 operators (available, talk, pause), 2 new, 1 replaced",
    );
    expect(await states("operator_id = 'OP-3'")).toEqual(
      expectedStates('OP-3', DAY2, [
        ['available', 0, 500, null],
        ['pause', 500, 1400, 'lunch'],
        ['available', 1400, 2000, null],
      ]),
    );
  });

  it('end a login added again without a removal where the queue_log last wrote before it', async () => {
    const DAY3 = DAY2 + 86400;
    const d = (t: number, ...rest: string[]) => [DAY3 + t, ...rest].join('|');
    await importQueueLog(
      [
        d(0, 'MANAGER', 'sales', 'SIP/301', 'ADDMEMBER', ''),
        d(100, 'NONE', 'sales', 'SIP/301', 'PAUSE', 'lunch'),
        d(200, '1791360200.9', 'sales', 'NONE', 'ENTERQUEUE', '', '069000004', '1'),
        d(300, '1791360200.9', 'sales', 'NONE', 'ABANDON', '1', '1', '100'),
        // the PBX restarted: no REMOVEMEMBER, its persistent member added again
        d(1000, 'NONE', 'sales', 'SIP/301', 'ADDMEMBER', ''),
        d(1500, 'MANAGER', 'sales', 'SIP/301', 'REMOVEMEMBER', ''),
      ].join('\n'),
    );
    expect(await states(`operator_id = 'OP-3' AND started_at >= to_timestamp(${DAY3})`)).toEqual(
      expectedStates('OP-3', DAY3, [
        ['available', 0, 100, null],
        ['pause', 100, 300, 'lunch'],
        ['available', 1000, 1500, null],
      ]),
    );
  });

  it("keep two PBXs' queues of one name apart (--source)", async () => {
    const DAY4 = DAY2 + 2 * 86400;
    const d = (t: number, ...rest: string[]) => [DAY4 + t, ...rest].join('|');
    await importQueueLog(
      [
        d(0, 'MANAGER', 'sales', 'Local/201@from-queue/n', 'ADDMEMBER', ''),
        d(1000, 'MANAGER', 'sales', 'Local/201@from-queue/n', 'REMOVEMEMBER', ''),
      ].join('\n'),
    );
    const file = path.join(env.dir, 'queue_log-east');
    writeFileSync(
      file,
      `${[d(500, 'MANAGER', 'sales', 'SIP/201', 'ADDMEMBER', ''), d(1500, 'MANAGER', 'sales', 'SIP/201', 'REMOVEMEMBER', '')].join('\n')}\n`,
    );
    await importFile(env.rt, { kind: 'calls', file, actor: 'test', timeZone: 'UTC', pbx: 'east' });
    expect(await states(`operator_id = 'OP-2' AND started_at >= to_timestamp(${DAY4})`)).toEqual(
      expectedStates('OP-2', DAY4, [['available', 0, 1500, null]]),
    );
  });
});
