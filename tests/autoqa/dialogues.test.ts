import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../schemas/autoqa.ts';
import { autoqaRows } from '../../server/autoqa/autoqa.service.ts';
import { currentRuleSet, saveRuleSet } from '../../server/autoqa/rules.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { AUTOQA_SAMPLE, loadAutoqaSample } from '../helpers/autoqa.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Calls worded unlike the labelled sample (other greetings, other ways to name the company, to
 * refuse, to say the day; a transcript without diacritics; a mono recording; a language the rules
 * do not have), each with the results a careful reading of the definitions gives. The sample's
 * roster, clients, debts and catalogue stand behind them.
 */
type Seg = [speaker: 'agent' | 'customer' | 'unknown', start: number, end: number, text: string];
interface Dialogue {
  id: string;
  language: string;
  client: string;
  date: string;
  segments: Seg[];
  expect: Partial<Record<string, CheckResult>>;
}

const DIALOGUES: Dialogue[] = [
  {
    id: 'X-EN-1',
    language: 'en',
    client: 'C-002',
    date: '2026-10-12',
    segments: [
      [
        'agent',
        0.5,
        4,
        'Hiya, thanks for calling Nord Distribution, Jack here, what can I do for you today?',
      ],
      ['customer', 4.5, 9, "Hey Jack. I'd like five cases of rice and a dozen bags of flour."],
      [
        'agent',
        9.5,
        20,
        'Sure thing. Could I tempt you with some mayonnaise, salt or black tea? And our ground coffee is on special this month.',
      ],
      ['customer', 20.5, 24, 'Go on then, two cases of coffee. Nothing else.'],
      [
        'agent',
        24.5,
        33,
        "So that's five cases of rice, twelve bags of flour and two cases of coffee. It'll arrive on Wednesday, around ten in the morning.",
      ],
      ['customer', 33.5, 35, 'Brilliant.'],
      ['agent', 35.5, 38, 'Great, take care, speak soon!'],
    ],
    expect: {
      greeting: 'pass',
      introduction: 'pass',
      'new-product': 'pass',
      'traditional-product': 'fail',
      'upsell-offers': 'pass',
      'delivery-agreed': 'pass',
      'read-back': 'pass',
      'debt-check': 'na',
      farewell: 'pass',
      courtesy: 'pass',
      'dead-air': 'pass',
      'talk-over': 'pass',
    },
  },
  {
    id: 'X-EN-2',
    language: 'en',
    client: 'C-015',
    date: '2026-10-20',
    segments: [
      ['agent', 0.4, 2, 'Order line.'],
      ['customer', 2.5, 8, 'Yeah hi, I need some sugar, ten bags.'],
      [
        'agent',
        7.5,
        12,
        "Ten bags of sugar. Your account's in arrears though, I'll pass you to our finance team after this.",
      ],
      ['customer', 12.5, 16, 'Fine. When will it come?'],
      ['agent', 16.5, 19, "No idea, that's up to the drivers."],
      ['customer', 30, 33, 'Hello? Are you still there?'],
      ['agent', 33.5, 35, 'Yes. Putting you through now.'],
    ],
    expect: {
      greeting: 'fail',
      introduction: 'fail',
      'new-product': 'fail',
      'traditional-product': 'fail',
      'upsell-offers': 'fail',
      'delivery-agreed': 'fail',
      'read-back': 'na',
      'debt-check': 'pass',
      farewell: 'fail',
      courtesy: 'fail',
      'dead-air': 'fail',
      'talk-over': 'pass',
    },
  },
  {
    id: 'X-RU-1',
    language: 'ru',
    client: 'C-014',
    date: '2026-10-16',
    segments: [
      ['agent', 0.5, 4, 'Алло, здравствуйте! Норд Дистрибьюшн, оператор Марина.'],
      [
        'customer',
        4.5,
        10,
        'Марина, добрый. Это Кирилл со склада в Бельцах. Запишите нам соли пятнадцать упаковок и гречневой крупы восемь мешков.',
      ],
      [
        'agent',
        10.5,
        20,
        'Записала. Может, возьмёте ещё чай чёрный, минеральную воду и новый яблочный сок? Он только появился.',
      ],
      ['customer', 20.5, 25, 'Нет, чай и воду не надо. Сок давайте две коробки.'],
      [
        'agent',
        25.5,
        34,
        'Итак: соль пятнадцать упаковок, гречка восемь мешков, сок две коробки. Привезём в четверг, после обеда.',
      ],
      ['customer', 34.5, 36, 'Отлично, спасибо.'],
      ['agent', 36.5, 38.5, 'Спасибо за заказ, до свидания!'],
    ],
    expect: {
      greeting: 'pass',
      introduction: 'pass',
      'new-product': 'pass',
      'traditional-product': 'pass',
      'upsell-offers': 'pass',
      'delivery-agreed': 'pass',
      'read-back': 'pass',
      'debt-check': 'na',
      farewell: 'pass',
      courtesy: 'pass',
      'dead-air': 'pass',
      'talk-over': 'pass',
    },
  },
  {
    id: 'X-RU-2',
    language: 'ru',
    client: 'C-035',
    date: '2026-10-20',
    segments: [
      ['agent', 0.5, 2, 'Да.'],
      ['customer', 2.5, 7, 'Здравствуйте, это магазин на Ботанике, хочу заказать сахар, двадцать мешков.'],
      ['agent', 7.5, 12, 'Сахар двадцать мешков. Что-то ещё нужно?'],
      ['customer', 12.5, 15, 'А когда привезёте?'],
      ['agent', 15.5, 19, 'Понятия не имею, это к водителям.'],
      ['customer', 19.5, 21, 'Ладно.'],
      ['agent', 21.5, 23, 'Всё, заказ принят.'],
    ],
    expect: {
      greeting: 'fail',
      introduction: 'fail',
      'new-product': 'fail',
      'traditional-product': 'fail',
      'upsell-offers': 'fail',
      'delivery-agreed': 'fail',
      'read-back': 'na',
      'debt-check': 'fail',
      farewell: 'fail',
      courtesy: 'fail',
      'dead-air': 'pass',
      'talk-over': 'pass',
    },
  },
  {
    id: 'X-RO-1',
    language: 'ro',
    client: 'C-024',
    date: '2026-10-21',
    segments: [
      ['agent', 0.6, 4, 'Salutare, Nord Distribution, mă numesc Cristina, vă ascult.'],
      ['customer', 4.5, 10, 'Bună Cristina. Aș vrea sare, douăzeci de saci, și hrișcă, zece saci.'],
      [
        'agent',
        10.5,
        20,
        'Notez. Vă mai propun ulei de măsline, e nou la noi, ciocolată neagră și ceai negru la preț bun.',
      ],
      ['customer', 20.5, 24, 'Ceai negru da, cinci cutii. Restul nu.'],
      [
        'agent',
        24.5,
        33,
        'Deci sare douăzeci de saci, hrișcă zece saci și ceai cinci cutii. Vă livrăm vineri dimineață.',
      ],
      ['agent', 33.5, 36, 'Mulțumesc, o zi bună!'],
    ],
    expect: {
      greeting: 'pass',
      introduction: 'pass',
      'new-product': 'pass',
      'traditional-product': 'pass',
      'upsell-offers': 'pass',
      'delivery-agreed': 'pass',
      'read-back': 'pass',
      'debt-check': 'na',
      farewell: 'pass',
      courtesy: 'pass',
      'dead-air': 'pass',
      'talk-over': 'pass',
    },
  },
  {
    // Speech recognition without diacritics: "faina" is "făină", "habar n-am" is rude.
    id: 'X-RO-2',
    language: 'ro',
    client: 'C-010',
    date: '2026-10-23',
    segments: [
      ['agent', 0.5, 2, 'da'],
      ['customer', 2.5, 8, 'buna ziua vreau paste zece cutii si faina cinci saci'],
      ['agent', 8.5, 12, 'bine paste zece cutii faina cinci saci am notat'],
      ['customer', 12.5, 14, 'cand vine marfa'],
      ['agent', 14.5, 18, 'habar n-am intrebati la depozit'],
      ['customer', 29, 31, 'alo'],
      ['agent', 31.5, 33, 'da va mai sun eu'],
    ],
    expect: {
      greeting: 'fail',
      introduction: 'fail',
      'new-product': 'fail',
      'traditional-product': 'fail',
      'upsell-offers': 'fail',
      'delivery-agreed': 'fail',
      'read-back': 'pass',
      'debt-check': 'fail',
      farewell: 'fail',
      courtesy: 'fail',
      'dead-air': 'fail',
      'talk-over': 'pass',
    },
  },
  {
    // A mono recording: nobody's words are the agent's, so only the silences are checked.
    id: 'X-EN-3',
    language: 'en',
    client: 'C-005',
    date: '2026-10-22',
    segments: [
      ['unknown', 0.5, 3, 'Good morning, Nord Distribution, my name is Anna.'],
      ['unknown', 3.5, 6, 'Hi, ten bags of sugar and five of rice please.'],
      ['unknown', 6.5, 9, 'Ten bags of sugar and five of rice, we deliver tomorrow. Goodbye!'],
    ],
    expect: {
      greeting: 'na',
      introduction: 'na',
      'new-product': 'na',
      'upsell-offers': 'na',
      'delivery-agreed': 'na',
      'read-back': 'na',
      'debt-check': 'na',
      farewell: 'na',
      courtesy: 'na',
      'dead-air': 'pass',
      'talk-over': 'na',
    },
  },
  {
    // A language the rules have no phrases for: checked on its timings only.
    id: 'X-DE-1',
    language: 'de',
    client: 'C-002',
    date: '2026-10-22',
    segments: [
      ['agent', 0.5, 3, 'Guten Tag, Nord Distribution, mein Name ist Lena.'],
      ['customer', 2.5, 6, 'Hallo, zehn Sack Zucker bitte.'],
      ['agent', 18, 21, 'Zehn Sack Zucker, Lieferung morgen. Auf Wiederhören!'],
    ],
    expect: {
      greeting: 'na',
      introduction: 'na',
      'new-product': 'na',
      'traditional-product': 'na',
      'upsell-offers': 'na',
      'delivery-agreed': 'na',
      'read-back': 'na',
      farewell: 'na',
      courtesy: 'na',
      'dead-air': 'fail',
      'talk-over': 'pass',
    },
  },
];

const CALLS_HEADER =
  'call_id,started_at,queued_at,answered_at,ended_at,direction,operator_id,client_id,phone,queue,disposition,task_type,outcome,talk_s,hold_s,wrap_s,transferred_to,recording\n';
const OPERATOR: Record<string, string> = { en: 'OP-EN1', ru: 'OP-RU1', ro: 'OP-RO1', de: 'OP-EN2' };

let env: TestEnv;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'autoqa-dialogues-'));
  for (const f of ['teams.csv', 'operators.csv', 'clients.csv', 'debts.csv', 'products.csv'])
    copyFileSync(path.join(AUTOQA_SAMPLE, f), path.join(dir, f));
  writeFileSync(
    path.join(dir, 'calls.csv'),
    CALLS_HEADER +
      DIALOGUES.map(
        (d) =>
          `${d.id},${d.date}T11:00:00+03:00,,${d.date}T11:00:05+03:00,${d.date}T11:01:00+03:00,inbound,${OPERATOR[d.language]},${d.client},,sales,answered,order,completed,55,0,10,,\n`,
      ).join(''),
  );
  writeFileSync(
    path.join(dir, 'transcripts.jsonl'),
    DIALOGUES.map((d) =>
      JSON.stringify({
        call_id: d.id,
        language: d.language,
        engine: 'human',
        segments: d.segments.map(([speaker, start_s, end_s, text]) => ({ speaker, start_s, end_s, text })),
      }),
    ).join('\n'),
  );
  env = await testEnv();
  await loadAutoqaSample(env.rt, dir);
  const rules = await currentRuleSet(env.rt.db);
  await saveRuleSet(
    env.rt.db,
    rules.checks.map((c) =>
      c.key === 'introduction' && c.kind === 'opening-phrase'
        ? { ...c, companyNames: ['Nord Distribution', 'Норд Дистрибьюшн'] }
        : c,
    ),
    'test',
  );
  await runAutoqa(env.rt, '2026-10');
}, 60_000);

afterAll(async () => {
  await env?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('calls worded unlike the labelled sample', () => {
  it.each(DIALOGUES.map((d) => [d.id, d] as const))('%s', async (id, d) => {
    const row = (await autoqaRows(env.rt, '2026-10')).find((r) => r.callId === id);
    const got = Object.fromEntries(Object.keys(d.expect).map((k) => [k, row?.checks[k]]));
    expect(got).toEqual(d.expect);
  });
});
