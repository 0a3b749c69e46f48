import type { DuckDBConnection } from '@duckdb/node-api';
import { LIST, VARCHAR } from '@duckdb/node-api';
import type { CheckDef, RuleSetView } from '../../schemas/autoqa.ts';
import { monthRange } from '../../schemas/period.ts';
import { inTransaction, type Params, textList } from '../../stores/duckdb.ts';
import { addMissingWords, LEXICON_VERSION, stemIds, stemListsSql } from '../../stores/lexicon/lexicon.ts';
import type { Stores } from '../../stores/stores.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { scoreAutoEvaluations } from './auto-evaluations.ts';
import {
  type CompiledPhrases,
  compilePhrases,
  listName,
  listNumber,
  PRODUCT_LIST,
  type ProductNames,
} from './compile.ts';
import {
  AGENT_SPANS_SQL,
  BATCH_CALLS_SQL,
  BATCH_SEGMENTS_SQL,
  KEEP_TIMELINES_SQL,
  NUMBER_PENDING_SQL,
  PENDING_BATCHES_SQL,
  PENDING_SQL,
  TIMELINE_SQL,
  UNTIMED_SQL,
} from './queries/batch.sql.ts';
import {
  CLOSING_SQL,
  DEAD_AIR_SQL,
  DEBT_SQL,
  DELIVERY_SQL,
  FORBIDDEN_SQL,
  OPENING_SQL,
  PRODUCT_OFFER_SQL,
  READ_BACK_SQL,
  TALK_OVER_SQL,
  UPSELL_SQL,
} from './queries/checks.sql.ts';
import {
  ADD_PATTERNS_SQL,
  ANCHORS_SQL,
  CLIENT_NAMED_SQL,
  HITS_SQL,
  ITEMS_SQL,
  MENTIONS_SQL,
  OTHERS_SQL,
  PATTERNS_SQL,
  PHRASES_SQL,
  PRODUCT_NAMES_SQL,
  SEARCH_PATTERNS_SQL,
  SEARCH_SQL,
  STALE_SQL,
  TOKENS_SQL,
} from './queries/hits.sql.ts';
import { FILL_WORDS_SQL, fillStemsSql, UNSTEMMED_SQL, UNSTEMMED_WORDS_SQL } from './queries/lexicon.sql.ts';
import { insertResultsSql } from './queries/results.sql.ts';
import { currentRuleSet } from './rules.service.ts';

/** `done` of `total` calls checked so far (called after each batch). */
export type AutoqaProgress = (done: number, total: number) => void;

export interface AutoqaRun {
  rulesVersion: number;
  /** Calls checked by this run: those of the period without results of the current version. */
  checked: number;
}

const TEXT_LIST = LIST(VARCHAR);
const textTypes = (...names: string[]) => Object.fromEntries(names.map((n) => [n, TEXT_LIST]));
const strings = (values: readonly (string | number)[]) => textList(values.map(String));

/**
 * Checks every transcribed call of `period` (YYYY-MM, local dates of the company's time zone) that
 * has no results of the rule set in force, and stores each check's result with its evidence. A
 * second run finds nothing left to do; an edited rule set (a new version) checks them all again.
 *
 * Set-based in DuckDB, a batch of calls at a time: the segments' words are stored as their stems'
 * numbers (by the import, else by the first run that reads them), the places of each phrase are
 * searched once per call and kept (only new calls, or a rule set's new phrases, are searched), and
 * every check is one query over the batch's phrase places and timeline.
 */
export async function runAutoqa(
  stores: Stores,
  period: string,
  onProgress: AutoqaProgress = () => {},
  timings?: Record<string, number>,
  /** Checks under this rule set instead of the one in force (the rule test's unsaved draft). */
  ruleSetOverride?: RuleSetView,
): Promise<AutoqaRun> {
  const ruleSet = ruleSetOverride ?? (await currentRuleSet(stores.db));
  const settings = await readSettings(stores.db);
  const range = monthRange(period);
  const tz = settings.timeZone;
  const run = await stores.analytics.withConnection(async (c): Promise<AutoqaRun> => {
    const batches = await timed(timings, 'pending', async () => {
      await c.run(PENDING_SQL, {
        tz,
        from: range.from,
        to: range.to,
        version: ruleSet.version,
        size: BATCH_CALLS,
      });
      for (const sql of NUMBER_PENDING_SQL) await c.run(sql);
      return (await c.runAndReadAll(PENDING_BATCHES_SQL)).getRowObjectsJson() as {
        batch: number;
        calls: number;
        lo: string;
        hi: string;
        no_lo: number;
        no_hi: number;
      }[];
    });
    const total = batches.reduce((n, b) => n + Number(b.calls), 0);
    onProgress(0, total);
    if (total === 0) return { rulesVersion: ruleSet.version, checked: 0 };
    const products = (await c.runAndReadAll(PRODUCT_NAMES_SQL))
      .getRowObjectsJson()
      .map((r): ProductNames => ({ productId: String(r.product_id), names: (r.names as string[]) ?? [] }));
    const started = performance.now();
    const compiled = compilePhrases(ruleSet, products, settings.companyName);
    const compiledAt = performance.now();
    const maxPattern = await loadPhrases(c, compiled);
    if (timings) {
      timings.compile = (timings.compile ?? 0) + (compiledAt - started) / 1000;
      timings.patterns = (timings.patterns ?? 0) + (performance.now() - compiledAt) / 1000;
    }
    let done = 0;
    for (const b of batches) {
      const batch = { tz, ...b, batch: Number(b.batch) };
      const checked = await checkBatch(c, ruleSet, compiled, maxPattern, batch, timings);
      done += checked;
      onProgress(done, total);
    }
    return { rulesVersion: ruleSet.version, checked: done };
  });
  // Every checked call then gets its auto evaluation on the form that scores it (or a re-score).
  await timed(timings, 'auto-evaluations', () => scoreAutoEvaluations(stores, period));
  return run;
}

/**
 * Calls per batch: big enough that each query's fixed cost is small beside its work, small enough
 * that a batch's words (about 30 segments of 10 words a call) stay well inside DuckDB's memory.
 */
const BATCH_CALLS = 50_000;

/**
 * Loads the rule set's phrases (aq_phrases), each with its pattern's number, numbering the stems
 * and patterns not seen before; returns the highest pattern number.
 */
async function loadPhrases(c: DuckDBConnection, compiled: CompiledPhrases): Promise<number> {
  const st = compiled.stems;
  const ids = await stemIds(c, st.lang, st.stem);
  const p = compiled.phrases;
  const patterns = p.n.map((n) => new Array<number>(n).fill(0));
  compiled.words.id.forEach((phrase, i) => {
    const pattern = patterns[phrase - 1];
    const stem = ids[(compiled.words.stem[i] as number) - 1];
    if (pattern && stem !== undefined) pattern[compiled.words.k[i] as number] = stem;
  });
  // Numbered here, from the few thousand patterns kept: cheaper than joining lists in SQL.
  const known = new Map(
    (await c.runAndReadAll(PATTERNS_SQL)).getRows().map((r) => [String(r[1]), Number(r[0])]),
  );
  let max = Math.max(0, ...known.values());
  const added: { id: number[]; stems: string[] } = { id: [], stems: [] };
  const patternIds = patterns.map((x) => {
    const key = `[${x.join(', ')}]`;
    let id = known.get(key);
    if (id === undefined) {
      id = ++max;
      known.set(key, id);
      added.id.push(id);
      added.stems.push(x.join(','));
    }
    return id;
  });
  if (added.id.length)
    await c.run(
      ADD_PATTERNS_SQL,
      { id: strings(added.id), stems: strings(added.stems) },
      textTypes('id', 'stems'),
    );
  await c.run(
    PHRASES_SQL,
    {
      id: strings(p.id),
      list_no: strings(p.listNo),
      item: strings(p.item),
      lang: strings(p.lang),
      text: strings(p.text),
      n: strings(p.n),
      rest: strings(p.rest),
      pattern: strings(patternIds),
    },
    textTypes('id', 'list_no', 'item', 'lang', 'text', 'n', 'rest', 'pattern'),
  );
  await c.run(ITEMS_SQL, { product: listNumber(compiled, PRODUCT_LIST) });
  return max;
}

/**
 * Numbers the stems of the batch's segments stored without them (a file from before the numbers,
 * a rule test's transcript), once: they are stored with the segments.
 */
async function stemUnstemmed(c: DuckDBConnection, range: { lo: string; hi: string }): Promise<void> {
  const n = Number((await c.runAndReadAll(UNSTEMMED_SQL, range)).getRows()[0]?.[0] ?? 0);
  if (n === 0) return;
  await c.run(UNSTEMMED_WORDS_SQL, range);
  await addMissingWords(c, FILL_WORDS_SQL);
  await c.run(fillStemsSql(stemListsSql(FILL_WORDS_SQL)), { v: LEXICON_VERSION });
  await c.run('DROP TABLE aq_fill');
}

/**
 * Searches the batch's calls not yet searched for every pattern up to `maxPattern` (new calls,
 * or patterns added since) and keeps the places found; nothing when every call was searched.
 */
async function searchNewPlaces(
  c: DuckDBConnection,
  maxPattern: number,
  range: { lo: string; hi: string },
): Promise<void> {
  await c.run(STALE_SQL, { max: maxPattern });
  const [row] = (await c.runAndReadAll('SELECT count(*), min(upto) FROM aq_stale')).getRows();
  if (!row || Number(row[0]) === 0) return;
  const patterns = { from: Number(row[1]), max: maxPattern };
  for (const sql of SEARCH_PATTERNS_SQL) await c.run(sql, patterns);
  await c.run(TOKENS_SQL, range);
  await c.run(ANCHORS_SQL);
  await c.run(OTHERS_SQL);
  // The places and the calls' marks land together: a call is never marked without its places.
  await inTransaction(c, async () => {
    const [places, drop, mark] = SEARCH_SQL;
    await c.run(places);
    await c.run(drop);
    await c.run(mark, { max: maxPattern });
  });
}

/** The query and parameters of one check, by its kind. */
function checkQuery(check: CheckDef, compiled: CompiledPhrases): { sql: string; params: Params } {
  const list = (name: string) => listNumber(compiled, listName(check.key, name));
  switch (check.kind) {
    case 'opening-phrase':
      return { sql: OPENING_SQL, params: { list: list('phrases'), window: check.params.windowSeconds } };
    case 'closing-phrase':
      return { sql: CLOSING_SQL, params: { list: list('phrases'), window: check.params.windowSeconds } };
    case 'forbidden-phrase':
      return { sql: FORBIDDEN_SQL, params: { list: list('phrases') } };
    case 'product-offer':
      return { sql: PRODUCT_OFFER_SQL, params: { mode: check.params.products } };
    case 'upsell':
      return { sql: UPSELL_SQL, params: { min: check.params.minProducts } };
    case 'delivery':
      return { sql: DELIVERY_SQL, params: { delivery: list('delivery'), when: list('when') } };
    case 'read-back':
      return {
        sql: READ_BACK_SQL,
        params: {
          min: check.params.minProducts,
          decline: check.params.declineWords,
          negation: list('negation'),
          question: list('question'),
        },
      };
    case 'debt':
      return { sql: DEBT_SQL, params: { list: list('phrases') } };
    case 'dead-air':
      return { sql: DEAD_AIR_SQL, params: { max: check.params.maxSilenceSeconds } };
    case 'talk-over':
      return { sql: TALK_OVER_SQL, params: { max: check.params.maxInterruptions } };
  }
}

/**
 * Runs `work`; when the caller asks for timings (the benchmark prints them), adds its wall-clock
 * seconds under `name` and the process's processor seconds under `cpu:` and the name (the steadier
 * figure on a shared machine), summed over the batches.
 */
async function timed<T>(
  timings: Record<string, number> | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  if (timings) {
    const used = process.cpuUsage(cpu);
    timings[name] = (timings[name] ?? 0) + (performance.now() - started) / 1000;
    timings[`cpu:${name}`] = (timings[`cpu:${name}`] ?? 0) + (used.user + used.system) / 1e6;
  }
  return result;
}

/** Checks one batch of pending calls; returns how many. */
async function checkBatch(
  c: DuckDBConnection,
  ruleSet: RuleSetView,
  compiled: CompiledPhrases,
  maxPattern: number,
  batch: { tz: string; batch: number; lo: string; hi: string; no_lo: number; no_hi: number },
  timings?: Record<string, number>,
): Promise<number> {
  const step = (name: string, work: () => Promise<unknown>) => timed(timings, name, work);
  await step('calls', () =>
    c.run(
      BATCH_CALLS_SQL,
      { tz: batch.tz, batch: batch.batch, langs: textList(compiled.languages) },
      { langs: TEXT_LIST },
    ),
  );
  const calls = Number((await c.runAndReadAll('SELECT count(*) AS n FROM aq_calls')).getRows()[0]?.[0] ?? 0);
  if (calls === 0) return 0;
  const range = { lo: batch.lo, hi: batch.hi };
  await step('lexicon', () => stemUnstemmed(c, range));
  await step('segments', () => c.run(BATCH_SEGMENTS_SQL, range));
  const numbers = { lo: Number(batch.no_lo), hi: Number(batch.no_hi) };
  await step('timeline', async () => {
    await c.run(UNTIMED_SQL, numbers);
    const [untimed] = (await c.runAndReadAll('SELECT count(*) FROM aq_untimed')).getRows();
    if (Number(untimed?.[0] ?? 0) > 0) await c.run(KEEP_TIMELINES_SQL);
    await c.run(TIMELINE_SQL, numbers);
    await c.run(AGENT_SPANS_SQL);
  });
  await step('search', () => searchNewPlaces(c, maxPattern, range));
  const places = { ...numbers, product: listNumber(compiled, PRODUCT_LIST) };
  await step('phrases', () => c.run(HITS_SQL, places));
  await step('phrases', () => c.run(MENTIONS_SQL, places));
  await step('phrases', () => c.run(CLIENT_NAMED_SQL));
  const now = new Date().toISOString();
  // A call's twelve results land together or not at all.
  await inTransaction(
    c,
    async () => {
      for (const check of ruleSet.checks) {
        const { sql, params } = checkQuery(check, compiled);
        await step(check.kind, () =>
          c.run(insertResultsSql(sql), { ...params, key: check.key, version: ruleSet.version, now }),
        );
      }
    },
    (commit) => step('commit', commit),
  );
  return calls;
}
