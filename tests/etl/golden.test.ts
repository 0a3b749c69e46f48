import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { importFile } from '../../etl/import-file.ts';
import { FORMATS, type ImportReport } from '../../schemas/import-report.ts';
import { type ImportKind, isImportKind } from '../../schemas/kinds.ts';
import { caseFolders, clearChanged, compareExpected as compare, readJson } from '../helpers/golden.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Golden ETL cases: each folder of tests/etl/golden is an input folder (case.json, the files it
 * imports) and the expected result (expected/reports.json, expected/<table>.json). The import is
 * the CLI's own (importFile) into a fresh data directory. A mismatch fails with a diff and writes
 * what the import gave to <case>/-changed/, to compare with expected/ (git ignores it); the
 * folders, the comparison and -changed/ are tests/helpers/golden.ts, shared with the scoring cases.
 * What each projection keeps is described in tests/etl/golden/README.md.
 */

const GOLDEN = new URL('./golden/', import.meta.url).pathname;
const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
/** The original of asterisk-sample, when CALLSCORE_ASTERISK_SAMPLE names its folder; CI has only the copy. */
const SHARED_SAMPLE = process.env.CALLSCORE_ASTERISK_SAMPLE ?? '';

const stepSpec = z
  .object({
    kind: z.string().refine((k) => isImportKind(k) || k === 'queue-log', 'is not a kind'),
    /** The file to import, relative to the case folder (a Parquet step: the name it is written as). */
    file: z.string(),
    format: z.enum(FORMATS).optional(),
    gmtTimes: z.boolean().optional(),
    /** The PBX the file comes from (`--source`). */
    pbx: z.string().optional(),
    /** The encoding the file's text is in (`--encoding`). */
    encoding: z.string().optional(),
    /** Parquet made in the test: this CSV (relative to the case folder), read as text into `src`… */
    parquetFrom: z.string().optional(),
    /** …and written by this SELECT over `src`, which gives the columns their Parquet types. */
    select: z.string().optional(),
    /** Compare the tables with expected/<check>/ once this step is done (the end state is always compared). */
    check: z.string().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((s) => (s.parquetFrom === undefined) === (s.select === undefined), 'parquetFrom goes with select');

const caseSpec = z
  .object({
    description: z.string(),
    timeZone: z.string(),
    steps: z.array(stepSpec).min(1),
    /** A case whose expected rows this case must give too (the same rows in another format). */
    sameRowsAs: z.string().optional(),
    /** Narrower projections for some tables: the columns the case is about. */
    columns: z.record(z.string(), z.array(z.string())).optional(),
  })
  .strict();
type CaseSpec = z.infer<typeof caseSpec>;

/**
 * How a stored column is shown: `instant` as UTC ISO 8601 with milliseconds (as SQLite stores it),
 * `number` as a JSON number (BIGINT minor units included), `list` as the array its JSON text holds,
 * `import` as the case step that wrote the row ("#3"), `text` as it is.
 */
type Show = 'text' | 'number' | 'instant' | 'list' | 'import';
interface Table {
  store: 'duckdb' | 'sqlite';
  /** Stable order of the rows. */
  key: string[];
  columns: Record<string, Show>;
  /** A kind's table: must be empty when the case expects nothing of it. */
  canonical: boolean;
}

const T = 'text' as const;
const N = 'number' as const;
const AT = 'instant' as const;
const IMPORT = 'import' as const;

const TABLES: Record<string, Table> = {
  teams: {
    store: 'sqlite',
    key: ['team_id'],
    columns: { team_id: T, name: T, department: T, import_id: IMPORT },
    canonical: true,
  },
  operators: {
    store: 'sqlite',
    key: ['operator_id'],
    columns: {
      operator_id: T,
      name: T,
      team_id: T,
      pbx_ids: 'list',
      hired_on: T,
      active: N,
      import_id: IMPORT,
    },
    canonical: true,
  },
  clients: {
    store: 'duckdb',
    key: ['client_id'],
    columns: { client_id: T, name: T, type: T, manager_id: T, region: T, import_id: IMPORT },
    canonical: true,
  },
  debts: {
    store: 'duckdb',
    key: ['client_id', 'as_of'],
    columns: {
      client_id: T,
      as_of: AT,
      balance: N,
      credit_limit: N,
      overdue_amount: N,
      currency: T,
      import_id: IMPORT,
    },
    canonical: true,
  },
  calls: {
    store: 'duckdb',
    key: ['call_id'],
    columns: {
      call_id: T,
      started_at: AT,
      queued_at: AT,
      answered_at: AT,
      ended_at: AT,
      direction: T,
      operator_id: T,
      client_id: T,
      phone: T,
      queue: T,
      disposition: T,
      task_type: T,
      outcome: T,
      talk_s: N,
      hold_s: N,
      wrap_s: N,
      transferred_to: T,
      recording: T,
      import_id: IMPORT,
    },
    canonical: true,
  },
  orders: {
    store: 'duckdb',
    key: ['order_id'],
    columns: {
      order_id: T,
      call_id: T,
      operator_id: T,
      client_id: T,
      created_at: AT,
      status: T,
      total: N,
      currency: T,
      lines: N,
      price_column: T,
      offered_items: N,
      error_code: T,
      import_id: IMPORT,
    },
    canonical: true,
  },
  targets: {
    store: 'sqlite',
    key: ['team_id', 'period', 'metric'],
    columns: { team_id: T, period: T, metric: T, target: N, import_id: IMPORT },
    canonical: true,
  },
  norms: {
    store: 'sqlite',
    key: ['scope', 'subject_id', 'period'],
    columns: { scope: T, subject_id: T, period: T, tasks_norm: N, import_id: IMPORT },
    canonical: true,
  },
  variable_pay: {
    store: 'sqlite',
    key: ['operator_id', 'period'],
    columns: { operator_id: T, period: T, variable_base: N, currency: T, import_id: IMPORT },
    canonical: true,
  },
  claims: {
    store: 'sqlite',
    key: ['claim_id'],
    columns: {
      claim_id: T,
      operator_id: T,
      source: T,
      division: T,
      call_id: T,
      order_id: T,
      received_at: T,
      status: T,
      decided_at: T,
      description: T,
      import_id: IMPORT,
    },
    canonical: true,
  },
  assessments: {
    store: 'sqlite',
    key: ['assessment_id'],
    columns: {
      assessment_id: T,
      operator_id: T,
      assessed_at: T,
      polarity: T,
      author: T,
      note: T,
      import_id: IMPORT,
    },
    canonical: true,
  },
  evaluations: {
    store: 'sqlite',
    key: ['evaluation_id'],
    columns: {
      evaluation_id: T,
      call_id: T,
      operator_id: T,
      call_started_at: T,
      evaluator: T,
      score: N,
      critical_failed: N,
      status: T,
      submitted_at: T,
      calibration: N,
      import_id: IMPORT,
    },
    canonical: true,
  },
  operator_states: {
    store: 'duckdb',
    key: ['operator_id', 'state', 'started_at'],
    columns: { operator_id: T, state: T, started_at: AT, ended_at: AT, reason: T, import_id: IMPORT },
    canonical: true,
  },
  // The telephony records as the PBX wrote them: compared only where a case expects them.
  pbx_cdr: {
    store: 'duckdb',
    key: ['call_id'],
    columns: {
      call_id: T,
      src: T,
      dst: T,
      dcontext: T,
      channel: T,
      dstchannel: T,
      lastapp: T,
      lastdata: T,
      start_at: AT,
      answer_at: AT,
      end_at: AT,
      billsec: N,
      disposition: T,
      userfield: T,
      import_id: IMPORT,
    },
    canonical: false,
  },
  pbx_queue_calls: {
    store: 'duckdb',
    key: ['call_id'],
    columns: {
      call_id: T,
      queue: T,
      caller: T,
      enter_at: AT,
      connect_at: AT,
      agent: T,
      wait_s: N,
      calltime_s: N,
      end_event: T,
      end_at: AT,
      transferred_to: T,
      import_id: IMPORT,
    },
    canonical: false,
  },
};

type Row = Record<string, unknown>;

const quote = (c: string) => `"${c}"`;

/** A table's rows as the case compares them, in key order. */
async function tableRows(env: TestEnv, name: string, spec: CaseSpec, steps: Map<number, string>) {
  const table = TABLES[name] as Table;
  const wanted = spec.columns?.[name];
  const columns = Object.entries(table.columns).filter(([c]) => !wanted || wanted.includes(c));
  const order = table.key.map(quote).join(', ');
  let rows: Row[];
  if (table.store === 'duckdb') {
    const select = columns.map(([c, show]) =>
      show === 'instant'
        ? `strftime(${quote(c)} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS ${quote(c)}`
        : show === 'number' || show === 'import'
          ? `${quote(c)}::DOUBLE AS ${quote(c)}`
          : quote(c),
    );
    rows = await env.rt.analytics.rows(`SELECT ${select.join(', ')} FROM ${name} ORDER BY ${order}`);
  } else {
    const select = columns.map(([c]) => quote(c)).join(', ');
    rows = (await sql.raw<Row>(`SELECT ${select} FROM ${name} ORDER BY ${order}`).execute(env.rt.db)).rows;
  }
  return rows.map((r) =>
    Object.fromEntries(
      columns.map(([c, show]) => {
        const v = r[c] ?? null;
        if (v === null) return [c, null];
        if (show === 'list') return [c, JSON.parse(String(v))];
        if (show === 'import') return [c, steps.get(Number(v)) ?? `import ${v}`];
        return [c, v];
      }),
    ),
  );
}

/** A report as the case compares it: what it counts and says, without its timing and checksum. */
function projectReport(report: ImportReport, steps: Map<number, string>) {
  return {
    file: report.file,
    kind: report.kind,
    format: report.format,
    status: report.status,
    importId: report.importId === null ? null : (steps.get(report.importId) ?? `import ${report.importId}`),
    read: report.read,
    loaded: report.loaded,
    quarantined: report.quarantined,
    duplicates: report.duplicates,
    ignoredColumns: report.ignoredColumns,
    notes: report.notes,
    quarantine: report.quarantine.map((q) => ({ line: q.line, reason: q.reason, raw: q.raw })),
  };
}

/** `raw` is compared only where the expected entry gives it. */
function alignRaw(actual: unknown[], expected: unknown[]) {
  return actual.map((a, i) => {
    const e = expected[i] as { quarantine?: Row[] } | undefined;
    const r = a as { quarantine?: Row[] };
    if (!r.quarantine) return a;
    return {
      ...r,
      quarantine: r.quarantine.map((q, j) => {
        if (e?.quarantine?.[j] && 'raw' in e.quarantine[j]) return q;
        const { raw: _raw, ...rest } = q;
        return rest;
      }),
    };
  });
}

/**
 * The checksum an import gives: of the file's bytes when they are UTF-8, else of the text it read
 * (decoded from the step's encoding, or U+FFFD for the bytes that are not UTF-8). Parquet is
 * binary: its bytes.
 */
const sha256 = (file: string, encoding?: string) => {
  const bytes = readFileSync(file);
  const text = encoding
    ? Buffer.from(iconv.decode(bytes, encoding))
    : isUtf8(bytes) || file.endsWith('.parquet')
      ? bytes
      : Buffer.from(bytes.toString('utf8'));
  return createHash('sha256').update(text).digest('hex');
};

/** What every report must hold, whatever the case: the counts add up and the import log agrees. */
async function checkInvariants(
  env: TestEnv,
  report: ImportReport,
  file: string,
  label: string,
  encoding?: string,
) {
  const counts = `${label}: read ${report.read} = loaded ${report.loaded} + quarantined ${report.quarantined} + duplicates ${report.duplicates}`;
  expect(report.read, counts).toBe(report.loaded + report.quarantined + report.duplicates);
  expect(report.checksum, `${label}: checksum`).toBe(sha256(file, encoding));
  if (report.status === 'already_imported') {
    expect([report.read, report.quarantine.length], `${label}: a file imported before reads nothing`).toEqual(
      [0, 0],
    );
    return;
  }
  expect(report.quarantine.length, `${label}: quarantine rows in the report`).toBe(
    Math.min(report.quarantined, 20),
  );
  const id = report.importId as number;
  const logged = await env.rt.db
    .selectFrom('imports')
    .select(['status', 'rows_read', 'loaded', 'quarantined', 'duplicates'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  expect(logged, `${label}: import log`).toEqual({
    status: 'done',
    rows_read: report.read,
    loaded: report.loaded,
    quarantined: report.quarantined,
    duplicates: report.duplicates,
  });
  const quarantine = await env.rt.db
    .selectFrom('import_quarantine')
    .select(['line', 'reason', 'raw'])
    .where('import_id', '=', id)
    .orderBy('line')
    .orderBy(sql`rowid`)
    .execute();
  expect(quarantine.length, `${label}: quarantined rows in the import log`).toBe(report.quarantined);
  expect(quarantine.slice(0, 20), `${label}: the report's quarantine is the log's first rows`).toEqual(
    report.quarantine,
  );
}

/** Writes the Parquet a step asks for: the CSV read as text, then typed by the step's SELECT. */
async function writeParquet(csv: string, select: string, out: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`CREATE TABLE src AS SELECT * FROM read_csv($csv, header = true, all_varchar = true)`, {
      csv,
    });
    await c.run(`COPY (${select}) TO '${out.replaceAll("'", "''")}' (FORMAT parquet)`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

interface Outcome {
  reports: unknown[];
  /** Tables after the steps with a check, by check name, and at the end (''). */
  tables: Map<string, Record<string, Row[]>>;
}

async function runCase(dir: string, spec: CaseSpec): Promise<Outcome> {
  const env = await testEnv({ timeZone: spec.timeZone });
  const steps = new Map<number, string>();
  const reports: unknown[] = [];
  const tables = new Map<string, Record<string, Row[]>>();
  const snapshot = async () => {
    const all: Record<string, Row[]> = {};
    for (const name of Object.keys(TABLES)) all[name] = await tableRows(env, name, spec, steps);
    return all;
  };
  try {
    for (const [i, step] of spec.steps.entries()) {
      const label = `step ${i + 1} (${step.kind} ${step.file})`;
      let file = path.resolve(dir, step.file);
      if (step.parquetFrom && step.select) {
        // Written beside the stores, never into the case folder.
        file = path.join(env.dir, 'parquet', path.basename(step.file));
        mkdirSync(path.dirname(file), { recursive: true });
        await writeParquet(path.resolve(dir, step.parquetFrom), step.select, file);
      }
      let report: ImportReport;
      try {
        report = await importFile(env.rt, {
          kind: step.kind as ImportKind | 'queue-log',
          file,
          actor: 'golden',
          timeZone: spec.timeZone,
          ...(step.format ? { format: step.format } : {}),
          ...(step.gmtTimes !== undefined ? { gmtTimes: step.gmtTimes } : {}),
          ...(step.pbx !== undefined ? { pbx: step.pbx } : {}),
          ...(step.encoding !== undefined ? { encoding: step.encoding } : {}),
        });
      } catch (e) {
        // A file refused whole: the expected report of the step is the message.
        reports.push({ error: (e as Error).message });
        if (step.check) tables.set(step.check, await snapshot());
        continue;
      }
      if (report.status === 'done' && report.importId !== null) steps.set(report.importId, `#${i + 1}`);
      await checkInvariants(env, report, file, label, step.encoding);
      reports.push(projectReport(report, steps));
      if (step.check) tables.set(step.check, await snapshot());
    }
    tables.set('', await snapshot());
    return { reports, tables };
  } finally {
    await env.dispose();
  }
}

const cases = caseFolders(GOLDEN);

describe('golden ETL cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(GOLDEN, name);
      clearChanged(dir);
      const spec = caseSpec.parse(readJson(path.join(dir, 'case.json')));
      const outcome = await runCase(dir, spec);
      const expectedReports = readJson(path.join(dir, 'expected', 'reports.json')) as unknown[];
      compare(
        dir,
        'reports.json',
        alignRaw(outcome.reports, expectedReports),
        expectedReports,
        `${name}: reports`,
      );

      const rowsDir = spec.sameRowsAs
        ? path.join(GOLDEN, spec.sameRowsAs, 'expected')
        : path.join(dir, 'expected');
      for (const [check, tables] of outcome.tables) {
        for (const [table, rows] of Object.entries(tables)) {
          const rel = check ? path.join(check, `${table}.json`) : `${table}.json`;
          const file = path.join(rowsDir, rel);
          if (existsSync(file)) compare(dir, rel, rows, readJson(file), `${name}: ${rel}`);
          else if ((TABLES[table] as Table).canonical) {
            compare(dir, rel, rows, [], `${name}: ${rel} (no expected file: no rows)`);
          }
        }
      }
    });
  }
});

describe('the golden cases themselves', () => {
  it("asterisk-real's expected calls give the sample's published figures", () => {
    const { timeZone: _zone, ...want } = readJson(path.join(SAMPLE, 'expected.json')) as Record<
      string,
      unknown
    >;
    const calls = readJson(path.join(GOLDEN, 'asterisk-real', 'expected', 'calls.json')) as Row[];
    const answered = calls.filter((c) => c.answered_at !== null && c.operator_id !== null);
    const byOperator: Record<string, number> = {};
    for (const c of answered)
      byOperator[String(c.operator_id)] = (byOperator[String(c.operator_id)] ?? 0) + 1;
    const queueCalls = readJson(
      path.join(GOLDEN, 'asterisk-real', 'expected', 'pbx_queue_calls.json'),
    ) as Row[];
    expect({
      calls: calls.length,
      inbound: calls.filter((c) => c.direction === 'inbound').length,
      outbound: calls.filter((c) => c.direction === 'outbound').length,
      abandoned: calls.filter((c) => c.disposition === 'abandoned').length,
      transferred: calls.filter((c) => c.outcome === 'transferred').length,
      noOperator: calls.filter((c) => c.answered_at !== null && c.operator_id === null).length,
      timeouts: queueCalls.filter((q) => q.end_event === 'EXITWITHTIMEOUT').length,
      answeredByOperator: byOperator,
    }).toEqual(want);
  });

  it.skipIf(!existsSync(SHARED_SAMPLE))(
    'asterisk-sample is an exact copy of CALLSCORE_ASTERISK_SAMPLE',
    () => {
      for (const f of ['Master.csv', 'queue_log', 'operators.csv', 'teams.csv']) {
        expect(sha256(path.join(SAMPLE, f)), f).toBe(sha256(path.join(SHARED_SAMPLE, f)));
      }
      expect(readJson(path.join(SAMPLE, 'expected.json'))).toEqual(
        readJson(path.join(SHARED_SAMPLE, 'expected.json')),
      );
    },
  );
});
