import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleSetResponse } from '../../schemas/autoqa.ts';
import type { AutoqaJobResponse, AutoqaJobView } from '../../schemas/autoqa-job.ts';
import type { ImportKind } from '../../schemas/kinds.ts';
import { listAuditEntries } from '../../server/audit/audit.repository.ts';
import { currentRuleSet, saveRuleSet } from '../../server/autoqa/rules.service.ts';
import { openDataDir } from '../../server/runtime.ts';
import type { Stores } from '../../stores/stores.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample } from '../helpers/autoqa.ts';
import { addUser, signIn, type TestEnv, tempDir, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let lead: string;

const send = async (path: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await env.app.request(path, {
    method: init.method ?? 'GET',
    headers: { cookie: lead, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
};

/** Calls with results of `version`, and how many results each has, per month. */
const checkedCalls = async (rt: Stores, version: number) =>
  Object.fromEntries(
    (
      await rt.analytics.rows(
        `SELECT strftime(timezone('Europe/Chisinau', c.started_at), '%Y-%m') AS month, count(DISTINCT r.call_id)::INTEGER AS calls,
           count(*)::INTEGER AS results
         FROM autoqa_results r JOIN calls c USING (call_id) WHERE r.rules_version = $v GROUP BY month`,
        { v: version },
      )
    ).map((r) => [String(r.month), { calls: Number(r.calls), results: Number(r.results) }]),
  );

/** Sends a file through the import queue, as the imports page does, and waits for it and the job. */
async function upload(kind: ImportKind, name: string, text: string) {
  const file = path.join(env.rt.imports.uploadsDir, name);
  writeFileSync(file, text);
  await env.rt.imports.enqueue({ file, fileName: name, size: text.length, kind, actor: 'lead' });
  await env.rt.imports.idle();
}

/** Polls the job's API until it is idle, keeping every state it showed. */
async function watchJob(): Promise<AutoqaJobView[]> {
  const seen: AutoqaJobView[] = [];
  for (;;) {
    const { job } = (await send('/api/autoqa/job')).body as AutoqaJobResponse;
    seen.push(job);
    if (job.state === 'idle') return seen;
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  env = await testEnv();
  await loadAutoqaSample(env.rt);
  lead = await signIn(env, 'lead', await addUser(env, 'lead', 'qa_lead'));
}, 60_000);
afterAll(() => env.dispose());

describe('the AutoQA job', () => {
  it('checks what is left when it starts, the progress readable as it runs', async () => {
    env.rt.autoqa.start();
    const seen = await watchJob();
    expect(seen.some((j) => j.state === 'running' && j.month === '2026-10' && j.total === 36)).toBe(true);
    const last = seen.at(-1) as AutoqaJobView;
    expect(last).toMatchObject({ state: 'idle', month: null, rulesVersion: 1, error: null });
    expect(last.finishedAt).not.toBeNull();
    expect(await checkedCalls(env.rt, 1)).toEqual({ '2026-10': { calls: 36, results: 36 * 12 } });
  });

  it('re-checks every call under a new rule-set version after an edit', async () => {
    const { ruleSet } = (await send('/api/autoqa/rules')).body as RuleSetResponse;
    const saved = await send('/api/autoqa/rules', { method: 'PUT', body: { checks: ruleSet.checks } });
    expect(saved.status).toBe(200);
    const seen = await watchJob();
    expect(seen.some((j) => j.state === 'running' && j.rulesVersion === 2)).toBe(true);
    expect(await checkedCalls(env.rt, 2)).toEqual({ '2026-10': { calls: 36, results: 36 * 12 } });
    const audit = await listAuditEntries(env.rt.db, { entity: 'autoqa', limit: 1 });
    expect(audit[0]).toMatchObject({ actor: 'system', action: 'run', entityId: '2026-10' });
  });

  it('checks the new calls of a transcripts import, in their own month', async () => {
    // Two calls of September: a copy of an October call and its transcript under new ids.
    const callLine = readFileSync(path.join(AUTOQA_SAMPLE, 'calls.csv'), 'utf8').split('\n');
    const header = callLine[0] as string;
    const row = (callLine[1] as string).replace('SH-EN-01', 'NEW-1').replaceAll('2026-10-01', '2026-09-15');
    const row2 = row.replace('NEW-1', 'NEW-2');
    await upload('calls', 'sept-calls.csv', `${header}\n${row}\n${row2}\n`);
    const line = readFileSync(path.join(AUTOQA_SAMPLE, 'transcripts.jsonl'), 'utf8').split('\n')[0] as string;
    await upload(
      'transcripts',
      'sept.jsonl',
      `${line.replace('SH-EN-01', 'NEW-1')}\n${line.replace('SH-EN-01', 'NEW-2')}\n`,
    );
    await env.rt.autoqa.idle();
    expect(await checkedCalls(env.rt, 2)).toEqual({
      '2026-10': { calls: 36, results: 36 * 12 },
      '2026-09': { calls: 2, results: 2 * 12 },
    });
    const run = (await send('/api/autoqa/results?period=2026-09')).body as {
      calls: { callId: string; checks: object }[];
    };
    expect(run.calls.map((c) => [c.callId, Object.keys(c.checks).length])).toEqual([
      ['NEW-1', 12],
      ['NEW-2', 12],
    ]);
  });

  it('re-checks every month after a products import changes the catalogue, audited', async () => {
    const before = await env.rt.analytics.rows('SELECT max(checked_at)::VARCHAR AS at FROM autoqa_results');
    const products = readFileSync(path.join(AUTOQA_SAMPLE, 'products.csv'), 'utf8');
    await upload(
      'products',
      'products.csv',
      `${products.trimEnd()}\nP99,Green tea,зелёный чай;ceai verde;green tea,drinks,true,,,\n`,
    );
    const entry = (await listAuditEntries(env.rt.db, { entity: 'autoqa', limit: 5 })).find(
      (e) => e.action === 'recheck',
    );
    expect(entry).toMatchObject({
      actor: 'lead',
      entityId: 'rules-2',
      after: { reason: 'products import', calls: 38 },
    });
    await env.rt.autoqa.idle();
    expect(await checkedCalls(env.rt, 2)).toEqual({
      '2026-10': { calls: 36, results: 36 * 12 },
      '2026-09': { calls: 2, results: 2 * 12 },
    });
    const after = await env.rt.analytics.rows(
      'SELECT min(checked_at)::VARCHAR AS at FROM autoqa_results WHERE rules_version = 2',
    );
    expect(String(after[0]?.at) > String(before[0]?.at)).toBe(true);
  });
});

describe('a restart', () => {
  it('checks the calls a stopped server left unchecked', async () => {
    const dir = tempDir();
    try {
      const first = await openDataDir(dir, { webDir: null });
      await loadAutoqaSample(first);
      // A rule edit the job had no time to check: the server stopped (or the command line saved it).
      const { version } = await saveRuleSet(first.db, (await currentRuleSet(first.db)).checks, 'lead');
      await first.close();
      const rt = await openDataDir(dir, { webDir: null });
      try {
        rt.autoqa.start();
        await rt.autoqa.idle();
        expect(rt.autoqa.status()).toMatchObject({ state: 'idle', rulesVersion: version });
        expect(await checkedCalls(rt, version)).toEqual({ '2026-10': { calls: 36, results: 36 * 12 } });
      } finally {
        await rt.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
