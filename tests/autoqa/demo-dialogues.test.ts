import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { productsCsv } from '../../fixtures/demo/products.ts';
import { transcriptLine } from '../../fixtures/demo/transcripts.ts';
import { DEMO_RECORDINGS, DEMO_SCRIPTS } from '../../fixtures/recordings/index.ts';
import { DEFAULT_CHECK_KEYS } from '../../schemas/autoqa-rules.ts';
import { autoqaRows } from '../../server/autoqa/autoqa.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { nameTheCompany } from '../../server/demo/demo-autoqa.ts';
import { importCsv, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { agreement, agreementTable, type Labels } from './agreement.ts';

/**
 * The demo's recorded dialogues (fixtures/recordings/scripts.json) checked by the engine against
 * the labels a careful reader gives them. Each dialogue becomes one call, on a day of the demo
 * catalogue's promotions, with a client of the type the dialogue suits, owing or not as it says.
 *
 * Measured: 215 of 216 results agree (99.5%). The one miss is call-12's read-back: the Russian
 * stemmer does not join "тунца" to the catalogue's "тунец", so the engine hears one product
 * ordered, not two. The bounds hold what was measured, so a change that loses agreement fails.
 */
const MIN_OVERALL = 215 / 216;
const MIN_PER_CHECK_AND_LANGUAGE = 5 / 6;

const TZ = 'Europe/Chisinau';
const DAY = '2026-10-14';
const names = Object.keys(DEMO_SCRIPTS).sort();
const callId = (name: string) => `DEMO-${name.replace('.ogg', '')}`;
const clientId = (name: string) => `CL-${name.replace('.ogg', '')}`;

let env: TestEnv;
let labels: Labels;

beforeAll(async () => {
  env = await testEnv({ timeZone: TZ });
  const load = async (kind: Parameters<typeof importCsv>[1], file: string, text: string) => {
    const report = await importCsv(env, kind, file, text, TZ);
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  };
  await load('teams', 'teams.csv', 'team_id,name,department\nT-1,Order desk,Sales\n');
  await load(
    'operators',
    'operators.csv',
    'operator_id,name,team_id,pbx_ids,hired_on,active\nOP-1,Ana Rusu,T-1,,2025-01-01,true\n',
  );
  await load(
    'clients',
    'clients.csv',
    `client_id,name,type,manager_id,region\n${names
      .map((n) => `${clientId(n)},Client ${n},${DEMO_SCRIPTS[n]?.clientType},MGR-1,Chișinău`)
      .join('\n')}\n`,
  );
  // A snapshot the week before the calls: overdue for the clients the dialogues say owe.
  await load(
    'debts',
    'debts.csv',
    `client_id,as_of,balance,credit_limit,overdue_amount,currency\n${names
      .map(
        (n) =>
          `${clientId(n)},2026-10-12,9000.00,20000.00,${DEMO_SCRIPTS[n]?.clientOwes ? '4000.00' : '0.00'},MDL`,
      )
      .join('\n')}\n`,
  );
  await load('products', 'products.csv', productsCsv({ from: '2026-09-01', to: '2026-11-30' }));
  await load(
    'calls',
    'calls.csv',
    `call_id,started_at,answered_at,ended_at,direction,operator_id,client_id,disposition,talk_s,recording\n${names
      .map((n, i) => {
        const s = DEMO_SCRIPTS[n];
        const at = `${DAY}T${String(9 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')}:00+03:00`;
        const end = `${DAY}T${String(9 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10 + 5).padStart(2, '0')}:00+03:00`;
        return `${callId(n)},${at},${at},${end},${s?.direction},OP-1,${clientId(n)},answered,${Math.ceil(s?.durationS ?? 30)},demo/${n}`;
      })
      .join('\n')}\n`,
  );
  await load('transcripts', 'transcripts.jsonl', names.map((n) => transcriptLine(callId(n), n)).join(''));
  await nameTheCompany(env.rt, 'test');
  await runAutoqa(env.rt, '2026-10');
  labels = Object.fromEntries(names.map((n) => [callId(n), DEMO_SCRIPTS[n]?.expected ?? {}]));
}, 120_000);

afterAll(async () => {
  await env?.dispose();
});

describe('the AutoQA checks on the demo dialogues', () => {
  test('every recording has a script of twelve labels and segments timed within the recording', () => {
    expect(names).toEqual([...DEMO_RECORDINGS]);
    for (const lang of ['en', 'ru', 'ro'])
      expect(names.filter((n) => DEMO_SCRIPTS[n]?.language === lang)).toHaveLength(6);
    for (const n of names) {
      const s = DEMO_SCRIPTS[n];
      expect(Object.keys(s?.expected ?? {}), n).toEqual(DEFAULT_CHECK_KEYS);
      for (const seg of s?.segments ?? []) {
        expect(seg.endS, n).toBeGreaterThan(seg.startS);
        expect(seg.endS, n).toBeLessThanOrEqual(s?.durationS ?? 0);
      }
    }
  });

  test('the engine agrees with the labels as measured', async () => {
    const rows = await autoqaRows(env.rt, '2026-10');
    expect(rows.map((r) => r.callId).sort()).toEqual(Object.keys(labels).sort());
    const got: Labels = Object.fromEntries(rows.map((r) => [r.callId, r.checks]));
    const language = (id: string) => DEMO_SCRIPTS[`${id.replace('DEMO-', '')}.ogg`]?.language ?? '';
    const { table, disagreements } = agreement(got, labels, language);
    const agree = table.reduce((s, a) => s + a.agree, 0);
    const total = table.reduce((s, a) => s + a.calls, 0);
    const report = `${agree} of ${total} agree\n${agreementTable(table)}\n\ndisagreements:\n${disagreements.join('\n')}`;
    console.info(`AutoQA on the demo dialogues: ${report}`);
    expect(total).toBe(names.length * DEFAULT_CHECK_KEYS.length);
    expect(agree / total, report).toBeGreaterThanOrEqual(MIN_OVERALL);
    expect(
      table.filter((a) => a.agree / a.calls < MIN_PER_CHECK_AND_LANGUAGE),
      report,
    ).toEqual([]);
  });
});
