import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LIST, VARCHAR } from '@duckdb/node-api';
import { importFile } from '../../etl/import-file.ts';
import { INBOUND_FORM } from '../../fixtures/demo/forms.ts';
import { scoreAutoEvaluations } from '../../server/autoqa/auto-evaluations.ts';
import { currentRuleSet, saveRuleSet } from '../../server/autoqa/rules.service.ts';
import { runAutoqa } from '../../server/autoqa/run.ts';
import { createForm, updateForm } from '../../server/forms/forms.service.ts';
import { openDataDir } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { textList } from '../../stores/duckdb.ts';
import { insertStemmed } from '../../stores/lexicon/lexicon.ts';
import { tokenizeSql } from '../../stores/segment-words.sql.ts';
import { AUTOQA_SAMPLE } from '../helpers/autoqa.ts';
import { CORPUS } from './autoqa-corpus.ts';
import { gib, measure } from './memory.ts';

const TIME_ZONE = 'Europe/Chisinau';
const LANGS = ['en', 'ru', 'ro'] as const;

/** The three languages' sentences as one small table the generator joins to (i % 3 picks one). */
export const LANG_TABLE_SQL = `
  CREATE OR REPLACE TABLE bench_lang AS SELECT * FROM (VALUES
    ${LANGS.map((l, i) => `(${i}, '${l}', $${l}_opening, $${l}_closing, $${l}_client_closing, $${l}_agent, $${l}_client, $${l}_products, $${l}_numbers)`).join(',\n    ')}
  ) v(li, language, opening, closing, client_closing, agent, client, products, numbers)`;

/**
 * $n calls of 24 to 36 segments (30 on average), agent and client in turn, 4 s apart; one call in
 * 40 has a 12.8 s silence, one agent segment in 9 starts a second before the client has finished;
 * each segment with its words cut, as the transcripts import cuts them (bench_segs, then stored with
 * their stem numbers by insertStemmed, as the import stores them).
 */
export const SEGMENTS_SQL = `
  CREATE OR REPLACE TEMP TABLE bench_segs AS
  WITH c AS (SELECT i, i % 3 AS li, 24 + (i % 13) AS nseg FROM range($n) r(i)),
  s AS (SELECT i, li, nseg, unnest(range(1, nseg + 1)) AS seq FROM c),
  t AS (
    SELECT s.i, s.seq, s.nseg,
      CASE WHEN s.seq % 2 = 1 THEN 'agent' ELSE 'customer' END AS speaker,
      (s.seq - 1) * 4.0 + CASE WHEN hash(s.i) % 40 = 0 AND s.seq >= 6 THEN 12 ELSE 0 END
        - CASE WHEN s.seq % 2 = 1 AND s.seq > 1 AND hash(s.i, s.seq) % 9 = 0 THEN 1.0 ELSE 0 END AS start_s,
      CASE
        WHEN s.seq = 1 THEN l.opening
        WHEN s.seq >= s.nseg - 1 AND s.seq % 2 = 1 THEN l.closing
        WHEN s.seq >= s.nseg - 1 THEN l.client_closing
        WHEN s.seq % 2 = 1 THEN l.agent[(hash(s.i, s.seq) % len(l.agent))::BIGINT + 1]
        ELSE l.client[(hash(s.i, s.seq) % len(l.client))::BIGINT + 1]
      END AS template,
      l.products[(hash(s.i, s.seq, 1) % len(l.products))::BIGINT + 1] AS p,
      l.products[(hash(s.i, s.seq, 2) % len(l.products))::BIGINT + 1] AS q,
      l.numbers[(hash(s.i, s.seq, 3) % len(l.numbers))::BIGINT + 1] AS num
    FROM s JOIN bench_lang l USING (li)
  )
  SELECT *, ${tokenizeSql('text')} AS words FROM (
    SELECT 'B' || lpad(i::VARCHAR, 8, '0') AS call_id, seq::INTEGER AS seq, speaker, start_s, start_s + 3.2 AS end_s,
      replace(replace(replace(template, '{p}', p), '{q}', q), '{n}', num) AS text, ['en', 'ru', 'ro'][i % 3 + 1] AS language
    FROM t
  )`;

/** The generated segments stored with their words' stem numbers, as the transcripts import stores them. */
export const insertBenchSegmentsSql = (rows: string) => `
  INSERT INTO transcript_segments (call_id, seq, speaker, start_s, end_s, text, words, stems)
  SELECT call_id, seq, speaker, start_s, end_s, text, words, stems FROM (${rows})`;

export const CALLS_SQL = `
  INSERT INTO calls (call_id, started_at, direction, operator_id, client_id, disposition, task_type, outcome)
  SELECT 'B' || lpad(i::VARCHAR, 8, '0'),
    TIMESTAMPTZ '2026-10-01 06:00:00+03' + to_seconds(((i % 31) * 86400 + hash(i) % 36000)::BIGINT),
    'inbound', 'OP-' || (i % 500), 'C-' || (i % 5000), 'answered', 'order', 'completed'
  FROM range($n) r(i)`;

export const TRANSCRIPTS_SQL = `
  INSERT INTO transcripts
  SELECT 'B' || lpad(i::VARCHAR, 8, '0'), ['en', 'ru', 'ro'][i % 3 + 1], 'bench', true, 24 + (i % 13), NULL
  FROM range($n) r(i)`;

// Every fifth client owes overdue money all month.
export const CLIENTS_SQL = `
  INSERT INTO clients
  SELECT 'C-' || i, 'Client ' || i, ['retail', 'market_trader', 'own_point', 'regional', 'key', 'other'][i % 6 + 1],
    'MGR-' || (i % 20), 'Chisinau', NULL
  FROM range(5000) r(i)`;
export const DEBTS_SQL = `
  INSERT INTO debts
  SELECT 'C-' || i, TIMESTAMPTZ '2026-09-30 00:00:00+00', 300000, 500000, CASE WHEN i % 5 = 0 THEN 100000 ELSE 0 END, 'EUR', NULL
  FROM range(5000) r(i)`;

/** Each step's wall-clock seconds and, where measured, its processor seconds (`cpu:` keys). */
const steps = (t: Record<string, number>) =>
  Object.entries(t)
    .filter(([k]) => !k.startsWith('cpu:'))
    .map(([k, v]) => {
      const cpu = t[`cpu:${k}`];
      return `${k} ${v.toFixed(1)} s${cpu === undefined ? '' : ` (${cpu.toFixed(1)})`}`;
    })
    .join(', ');

const BARE_SCAN_SQL = 'SELECT count(*) AS segments, sum(length(text)) AS chars FROM transcript_segments';

/**
 * `npm run bench -- autoqa [--calls 1000000] [--dir /tmp] [--keep] [--again]`
 *
 * Generates `--calls` transcripts (30 segments each on average, in English, Russian and Romanian,
 * from the sentences of autoqa-corpus.ts with products and numbers drawn per segment) into a
 * fresh data directory's DuckDB file, with their calls, clients and debts and the labelled
 * sample's catalogue; then times (a) DuckDB's bare scan of the segments, (b) `runAutoqa` over the
 * month on the new transcripts (each searched for every phrase of the rule set and its timeline
 * made; its last step the auto evaluations on the demo's inbound form), with `--again` (c) the
 * same after a rule-set edit (every call checked again from its kept places and timeline), (d) the
 * auto evaluations alone after a new version of the form, and (a) again.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string', default: '1000000' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
      again: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.calls);
  if (!Number.isInteger(n) || n < 1) throw new Error('--calls must be a whole number');
  const work = mkdtempSync(path.join(values.dir, 'callscore-bench-autoqa-'));
  const rt = await openDataDir(work, { webDir: null });
  try {
    await writeSetting(rt.db, 'timeZone', TIME_ZONE, 'bench');
    await writeSetting(rt.db, 'companyName', 'Nord Distribution', 'bench');
    await importFile(rt, {
      kind: 'products',
      file: path.join(AUTOQA_SAMPLE, 'products.csv'),
      actor: 'bench',
      timeZone: TIME_ZONE,
    });
    // What the transcripts import adds for AutoQA, timed apart: each new word stemmed, each
    // segment stored with its stem numbers (bench_segs is a temporary table: one connection).
    const { gen, stemming } = await rt.analytics.withConnection(async (c) => {
      const gen = await measure(async () => {
        const params: Record<string, ReturnType<typeof textList> | string> = {};
        const types: Record<string, ReturnType<typeof LIST>> = {};
        for (const l of LANGS) {
          const corpus = CORPUS[l];
          params[`${l}_opening`] = corpus.opening;
          params[`${l}_closing`] = corpus.closing;
          params[`${l}_client_closing`] = corpus.clientClosing;
          for (const k of ['agent', 'client', 'products', 'numbers'] as const) {
            params[`${l}_${k}`] = textList(corpus[k]);
            types[`${l}_${k}`] = LIST(VARCHAR);
          }
        }
        await c.run(LANG_TABLE_SQL, params, types);
        await c.run(CLIENTS_SQL);
        await c.run(DEBTS_SQL);
        await c.run(CALLS_SQL, { n });
        await c.run(TRANSCRIPTS_SQL, { n });
        await c.run(SEGMENTS_SQL, { n });
        await c.run('DROP TABLE bench_lang');
      });
      const stemming = await measure(async () => {
        await insertStemmed(c, 'bench_segs', insertBenchSegmentsSql);
        await c.run('DROP TABLE bench_segs');
        await c.run('CHECKPOINT');
      });
      return { gen, stemming };
    });
    const [sizes] = await rt.analytics.rows(BARE_SCAN_SQL);
    console.log(
      `generated ${n.toLocaleString('en')} transcripts, ${Number(sizes?.segments).toLocaleString('en')} segments, ` +
        `${(Number(sizes?.chars) / 1e9).toFixed(2)} G characters in ${gen.seconds.toFixed(1)} s`,
    );
    console.log(
      `(i) the import's stemming (words stemmed, segments stored with their stem numbers): ${stemming.seconds.toFixed(1)} s ` +
        `(${stemming.cpuSeconds.toFixed(1)} s of processor time)`,
    );
    // The demo's inbound form scores every call (they are all inbound): the run ends with the auto evaluations.
    const form = await createForm(rt.db, INBOUND_FORM, 'bench');
    const bare = await measure(() => rt.analytics.rows(BARE_SCAN_SQL));
    console.log(
      `(a) bare scan, count(*) and sum(length(text)):  ${bare.seconds.toFixed(2)} s (${bare.cpuSeconds.toFixed(2)} s of processor time)`,
    );

    let last = 0;
    const progress = (done: number, total: number) => {
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth > last) {
        last = tenth;
        process.stderr.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} calls\n`);
      }
    };
    const coldSteps: Record<string, number> = {};
    const cold = await measure(() => runAutoqa(rt, '2026-10', progress, coldSteps));
    const [lex] = await rt.analytics.rows('SELECT count(*) AS words FROM autoqa_lexicon');
    console.log(
      `(b) checks of new transcripts (each searched for every phrase, its timeline made): ${cold.seconds.toFixed(1)} s (${cold.cpuSeconds.toFixed(1)} s of processor time) for ${cold.result.checked.toLocaleString('en')} calls ` +
        `(${Number(lex?.words).toLocaleString('en')} words in the lexicon), peak RSS ${gib(cold.peakRss)}`,
    );
    console.log(`    by step, wall-clock seconds (processor seconds): ${steps(coldSteps)}`);
    let rulesVersion = cold.result.rulesVersion;
    let again: typeof cold | null = null;
    if (values.again) {
      // An edit makes a new rule-set version: every call is checked again, the lexicon kept.
      await saveRuleSet(rt.db, (await currentRuleSet(rt.db)).checks, 'bench');
      last = 0;
      const warmSteps: Record<string, number> = {};
      const warm = await measure(() => runAutoqa(rt, '2026-10', progress, warmSteps));
      console.log(
        `(c) re-check after a rule edit (places and timelines kept): ${warm.seconds.toFixed(1)} s (${warm.cpuSeconds.toFixed(1)} s of processor time) for ${warm.result.checked.toLocaleString('en')} calls, peak RSS ${gib(warm.peakRss)}`,
      );
      console.log(`    by step, wall-clock seconds (processor seconds): ${steps(warmSteps)}`);
      rulesVersion = warm.result.rulesVersion;
      again = warm;
    }
    // A new version of the form: every call's auto evaluation is scored again, no check re-run.
    await updateForm(
      rt.db,
      form.id,
      { definition: { ...INBOUND_FORM.definition, sections: INBOUND_FORM.definition.sections.slice(1) } },
      'bench',
      { autoEvaluations: 1 },
    );
    const rescore = await measure(() => scoreAutoEvaluations(rt, '2026-10'));
    console.log(
      `(d) auto evaluations after a form edit: ${rescore.seconds.toFixed(1)} s for ${rescore.result.scored.toLocaleString('en')} calls ` +
        `(${rescore.result.patterns} distinct answer sets scored), peak RSS ${gib(rescore.peakRss)}`,
    );
    const bare2 = await measure(() => rt.analytics.rows(BARE_SCAN_SQL));
    console.log(
      `(a) bare scan again:         ${bare2.seconds.toFixed(2)} s (${bare2.cpuSeconds.toFixed(2)} s of processor time)`,
    );
    const rates = await rt.analytics.rows(
      `SELECT check_key, count(*) FILTER (result = 'pass') AS pass, count(*) FILTER (result = 'fail') AS fail,
         count(*) FILTER (result = 'na') AS na
       FROM autoqa_results WHERE rules_version = $v GROUP BY check_key ORDER BY check_key`,
      { v: rulesVersion },
    );
    console.log('results (pass / fail / na):');
    for (const r of rates) console.log(`  ${String(r.check_key).padEnd(20)} ${r.pass} / ${r.fail} / ${r.na}`);
    const mean = (bare.seconds + bare2.seconds) / 2;
    const meanCpu = (bare.cpuSeconds + bare2.cpuSeconds) / 2;
    const ratio = (m: typeof cold) =>
      `${(m.seconds / mean).toFixed(0)}x (processor time: ${(m.cpuSeconds / Math.max(meanCpu, 0.001)).toFixed(0)}x)`;
    console.log(`checks of new transcripts / bare scan: ${ratio(cold)}`);
    if (again) console.log(`re-check / bare scan: ${ratio(again)}`);
  } finally {
    await rt.close();
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  }
}
