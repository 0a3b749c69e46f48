import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * A queue_log cut anywhere by a rotation (or read while the PBX is still writing it) imports, once
 * both parts are in, to exactly the calls the whole file gives: a part of a call merges into what
 * the other part loaded, member events never make a call, and no call is lost or doubled. The
 * operators' states (logins and pauses) come out as the whole file gives them too.
 */

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
const ROTATION = new URL('./golden/queue-log-rotation/', import.meta.url).pathname;
const TZ = 'Europe/Chisinau';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv({ timeZone: TZ });
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: TZ });
  }
});
afterAll(() => env.dispose());

let written = 0;
const importLines = (lines: string[]) => {
  const file = path.join(env.dir, `part-${++written}`);
  writeFileSync(file, lines.length ? `${lines.join('\n')}\n` : '');
  return importFile(env.rt, { kind: 'queue-log', file, format: 'queue-log', actor: 't', timeZone: TZ });
};

/** The calls, the queue's record of them and the operators' states, without the import that wrote each row. */
const state = async () => ({
  calls: await env.rt.analytics.rows('SELECT * EXCLUDE (import_id) FROM calls ORDER BY call_id'),
  queue: await env.rt.analytics.rows('SELECT * EXCLUDE (import_id) FROM pbx_queue_calls ORDER BY call_id'),
  states: await env.rt.analytics.rows(
    'SELECT * EXCLUDE (import_id) FROM operator_states ORDER BY operator_id, started_at, state',
  ),
});

/** Back to the roster alone: no call, and no file remembered as imported. */
const forget = async () => {
  await env.rt.analytics.withConnection(async (c) => {
    for (const t of [
      'calls',
      'pbx_queue_calls',
      'pbx_queue_events',
      'pbx_cdr',
      'pbx_member_events',
      'operator_states',
    ])
      await c.run(`DELETE FROM ${t}`);
  });
  await env.rt.db
    .updateTable('imports')
    .set({ status: 'failed' })
    .where('format', '=', 'queue-log')
    .execute();
};

describe.each([
  // the sample's 114 lines in the order a rotation gives them (both orders cost a minute)
  ['the Asterisk sample', path.join(SAMPLE, 'queue_log'), 32, ['in order'] as const],
  ['a rotated live log', path.join(ROTATION, 'queue_log.whole'), 6, ['in order', 'newer first'] as const],
])('%s split at every line into two files', (_name, file, loadedCalls, orders) => {
  const lines = readFileSync(file, 'utf8').trim().split('\n');

  it('imports to the same calls as the whole file', async () => {
    await forget();
    const whole = await importLines(lines);
    expect(whole.quarantined).toBe(0);
    const want = await state();
    expect(want.calls).toHaveLength(loadedCalls);
    expect(want.states.length).toBeGreaterThan(0);
    for (let cut = 1; cut < lines.length; cut++) {
      for (const order of orders) {
        await forget();
        const [a, b] = [lines.slice(0, cut), lines.slice(cut)];
        const reports =
          order === 'in order'
            ? [await importLines(a), await importLines(b)]
            : [await importLines(b), await importLines(a)];
        for (const r of reports)
          expect(r, `cut after line ${cut}, ${order}`).toMatchObject({ status: 'done', quarantined: 0 });
        expect(await state(), `cut after line ${cut}, ${order}`).toEqual(want);
      }
    }
  }, 240_000);
});

describe('a call the queue_log leaves open', () => {
  const sampleLines = (name: string, callId: string) =>
    readFileSync(path.join(SAMPLE, name), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.includes(callId));

  it('is not loaded until its end comes, then is the call the whole log gives', async () => {
    await forget();
    const events = sampleLines('queue_log', '|1791180670.2|');
    expect(events.at(-1)).toContain('COMPLETEAGENT');
    const open = await importLines(events.slice(0, -1));
    expect(open.notes).toContain(
      'calls not over when the file ends (no hang-up yet): 1; kept, and loaded when a later file brings their end',
    );
    expect(await env.rt.analytics.rows('SELECT call_id FROM calls')).toEqual([]);
    await importLines(events.slice(-1));
    const [call] = await env.rt.analytics.rows(
      `SELECT disposition, talk_s, operator_id FROM calls WHERE call_id = '1791180670.2'`,
    );
    // Maria Popa (OP-05 in the sample's roster) talked 44 s by COMPLETEAGENT's calltime
    expect(call).toEqual({ disposition: 'answered', talk_s: 44, operator_id: 'OP-05' });
  });

  it('whose end never comes is over when its CDR comes: answered, talking until the hang-up', async () => {
    await forget();
    const events = sampleLines('queue_log', '|1791180670.2|');
    await importLines(events.slice(0, -1));
    const cdr = path.join(env.dir, `cdr-${++written}.csv`);
    writeFileSync(cdr, `${sampleLines('Master.csv', '"1791180670.2"').join('\n')}\n`);
    await importFile(env.rt, { kind: 'calls', file: cdr, format: 'asterisk-cdr', actor: 't', timeZone: TZ });
    const [call] = await env.rt.analytics.rows(
      `SELECT disposition, talk_s, strftime(answered_at AT TIME ZONE 'UTC', '%H:%M:%S') AS answered
       FROM calls WHERE call_id = '1791180670.2'`,
    );
    // CONNECT at 06:11:40Z, the CDR's end 09:12:24 local (06:12:24Z): 44 s, not billsec's 73
    expect(call).toEqual({ disposition: 'answered', talk_s: 44, answered: '06:11:40' });
  });
});
