import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callResults } from '../../server/autoqa/autoqa.service.ts';
import { currentRuleSet } from '../../server/autoqa/rules.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample } from '../helpers/autoqa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The checks read off the timeline alone (dead-air, talk-over) where the times tie: two silences as
 * long, segments that start at one instant, a client's long segment running under a shorter one.
 * The sample's roster, clients and catalogue stand behind the calls.
 */
type Seg = [speaker: 'agent' | 'customer', start: number, end: number, text: string];

const CALLS: Record<string, Seg[]> = {
  // Two silences of 12 s (4 to 16 and 20 to 32): the earlier is the evidence.
  'T-TIE-1': [
    ['agent', 0, 4, 'Good morning, Nord Distribution.'],
    ['customer', 16, 20, 'Ten bags of flour please.'],
    ['agent', 32, 36, 'Noted, goodbye.'],
  ],
  // The agent starts with the client (not an interruption), then inside the client's long segment
  // after a shorter client segment has ended (an interruption), then after both (none).
  'T-OVER-1': [
    ['customer', 0, 20, 'I need flour, sugar, rice and a lot of other things for the shop this week.'],
    ['agent', 0, 3, 'Good morning.'],
    ['customer', 5, 6, 'Yes.'],
    ['agent', 8, 12, 'Let me note it.'],
    ['agent', 21, 24, 'Noted, goodbye.'],
  ],
  // Three interruptions, written out of order: the evidence lists them in the order they were heard.
  'T-OVER-2': [
    ['customer', 0, 30, 'A long order read out from a list, one product after another.'],
    ['agent', 20, 21, 'Yes.'],
    ['agent', 5, 6, 'Right.'],
    ['agent', 12, 13, 'Okay.'],
  ],
};

const CALLS_HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';

let env: TestEnv;
let dir: string;
let version: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'autoqa-timeline-'));
  for (const f of ['teams.csv', 'operators.csv', 'clients.csv', 'debts.csv', 'products.csv'])
    copyFileSync(path.join(AUTOQA_SAMPLE, f), path.join(dir, f));
  writeFileSync(
    path.join(dir, 'calls.csv'),
    CALLS_HEADER +
      Object.keys(CALLS)
        .map(
          (id) =>
            `${id},2026-10-12T11:00:00+03:00,,2026-10-12T11:00:05+03:00,2026-10-12T11:01:00+03:00,inbound,OP-EN1,C-002,,sales,answered,order,completed,55,0,10,,\n`,
        )
        .join(''),
  );
  writeFileSync(
    path.join(dir, 'transcripts.jsonl'),
    Object.entries(CALLS)
      .map(([id, segments]) =>
        JSON.stringify({
          call_id: id,
          language: 'en',
          engine: 'human',
          segments: segments.map(([speaker, start_s, end_s, text]) => ({ speaker, start_s, end_s, text })),
        }),
      )
      .join('\n'),
  );
  env = await testEnv();
  await loadAutoqaSample(env.rt, dir);
  version = (await runAutoqa(env.rt, '2026-10')).rulesVersion;
}, 60_000);

afterAll(async () => {
  await env?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const result = async (id: string, key: string) =>
  (await callResults(env.rt, id, version)).find((r) => r.checkKey === key);

describe('dead-air and talk-over where the times tie', () => {
  it('names the earlier of two silences as long', async () => {
    expect(await result('T-TIE-1', 'dead-air')).toMatchObject({
      result: 'fail',
      evidence: { window: { fromS: 4, toS: 16 } },
    });
  });

  it('counts an agent segment inside a client segment that started before it, not one that starts with it', async () => {
    const r = await result('T-OVER-1', 'talk-over');
    expect(r?.result).toBe('pass');
    expect(r?.evidence).toEqual({ segments: [{ seq: 4, startS: 8, endS: 12 }], count: 1 });
  });

  it('lists the interruptions in the order they were heard and fails above the limit', async () => {
    const max = (await currentRuleSet(env.rt.db)).checks.find((c) => c.kind === 'talk-over');
    expect(max?.params).toEqual({ maxInterruptions: 3 });
    const r = await result('T-OVER-2', 'talk-over');
    expect(r?.evidence).toEqual({
      segments: [
        { seq: 2, startS: 5, endS: 6 },
        { seq: 3, startS: 12, endS: 13 },
        { seq: 4, startS: 20, endS: 21 },
      ],
      count: 3,
    });
    expect(r?.result).toBe('pass');
  });
});
