import { ZodError } from 'zod';
import { AppError, describeIssues } from '../../core/errors.ts';
import { StoreLockedError } from '../../stores/duckdb.ts';
import { FactEngineError } from '../../stores/facts.ts';
import { UsageError } from './args.ts';

const HELP = `callscore — quality assurance and performance evaluation for call centers

usage: callscore <command> [options]      (every command takes --data DIR; default ./data or CALLSCORE_DATA)

  start    [--port 8080]                     build the web app if needed, create a 3-month demo on first run, serve
  serve    [--port 8080] [--host 127.0.0.1]  serve the API and the web app on one port
           [--lake DIR [--importer URL]]     answer from the Parquet lake beside the importing process
                                             (no import, no background job; docs/deployment.md)
  dev                                        API + Vite dev server with hot reload
  demo     [--operators 60] [--month YYYY-MM] [--months 3] [--seed 1] [--json]
                                             fill an empty data directory with a realistic demo: --months
                                             consecutive months ending with --month (default: last month);
                                             the earlier months' pay periods are approved
  import   <kind> <file...> [--format F] [--gmt] [--json] [--via URL --user NAME]
                                             kinds: teams, operators, clients, debts, calls, orders, targets,
                                             norms, variable-pay, claims, assessments, evaluations,
                                             operator-states, products, transcripts (files or a folder
                                             of them), queue-log
                                             formats: csv, jsonl, parquet, asterisk-cdr, queue-log, vtt,
                                             whisper-json, asterisk-cdr-table, queue-log-table, cdr-custom
                                             (detected when not given); --gmt: CDR times are UTC
                                             (usegmtime=yes), a queue_log table's too;
                                             other phone systems' formats: freeswitch-csv,
                                             freeswitch-json, 3cx, 3cx-cdroutput, vicidial-closer,
                                             vicidial-log, amazon-connect; vicidial-agent (operator-states)
                                             (docs/platforms.md);
                                             --via: send the files to a running server as admin NAME
                                             (password on stdin or CALLSCORE_PASSWORD)
  import   calls FILE --follow [--interval 2] [--source PBX] [--once] [--via URL --user NAME --state FILE]
                                             keep reading a CDR or queue_log as the PBX writes it, until Ctrl-C
  score    --period YYYY-MM [--team T] [--format table|csv|json]
                                             every operator's criteria, deductions and pay for a month
                                             (facts read by CALLSCORE_SCORING_ENGINE=duckdb|lake|chdb|clickhouse)
  autoqa   --period YYYY-MM [--format table|json]
                                             check the month's transcribed calls (greeting, upsell, …)
                                             against the AutoQA rule set and print each call's results
  transcribe --period YYYY-MM [--engine pocketsphinx|command|sherpa-onnx] [--model DIR]
           [--command "PROGRAM … {wav}"] [--workers 1] [--language auto|en|ru|ro] [--batch 8]
                                             transcribe the month's recorded calls that have no transcript,
                                             on this machine, and import them (failures retried next run)
  payroll  export --period YYYY-MM [--format csv|xlsx] [--delimiter ,|;] [--decimal .|,] [--out FILE]
  payroll  approve|status --period YYYY-MM   lock a month (its figures and files never change again)
           [--confirm-missing-bases ID,ID]   approve: the operators with no variable base, each by id
  payroll  reopen --period YYYY-MM --reason "…"
  settings get [KEY] | set KEY VALUE         company settings (timeZone, currency, serviceLevelSeconds, …)
  users    add NAME --role ROLE [--operator ID] [--name "Full Name"]   (password on stdin or CALLSCORE_PASSWORD)
  users    list
  sample   refill --date YYYY-MM-DD [--json] run the sampling rules due that date (already run: nothing changes)
  lake     sync [--lake DIR] [--json]        write the Parquet lake's partitions whose rows changed
                                             (default: CALLSCORE_LAKE_DIR, else DATA/lake; docs/lake.md)
  migrate-store --to postgres://USER:PASSWORD@HOST/DB [--json]
                                             copy the data directory's SQLite store into an empty PostgreSQL
                                             database (then serve with CALLSCORE_DATABASE_URL set to it)
`;

type Command = (argv: string[]) => Promise<void>;

/** Loaded on demand: `settings get` need not load Vite or the demo generator. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  start: async () => (await import('./commands/start.ts')).startCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  dev: async () => (await import('./commands/dev.ts')).devCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  settings: async () => (await import('./commands/settings.ts')).settingsCommand,
  users: async () => (await import('./commands/users.ts')).usersCommand,
  score: async () => (await import('./commands/score.ts')).scoreCommand,
  payroll: async () => (await import('./commands/payroll.ts')).payrollCommand,
  autoqa: async () => (await import('./commands/autoqa.ts')).autoqaCommand,
  transcribe: async () => (await import('./commands/transcribe.ts')).transcribeCommand,
  sample: async () => (await import('./commands/sample.ts')).sampleCommand,
  lake: async () => (await import('./commands/lake.ts')).lakeCommand,
  'migrate-store': async () => (await import('./commands/migrate-store.ts')).migrateStoreCommand,
};

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(HELP);
    return;
  }
  const load = COMMANDS[command];
  if (!load) throw new UsageError(`unknown command "${command}"; see callscore --help`);
  await (await load())(rest);
}

/** Every failure the user can act on is one line on stderr and a non-zero exit, never a stack. */
function reasonOf(e: unknown): string | null {
  if (e instanceof UsageError || e instanceof AppError || e instanceof StoreLockedError) return e.message;
  if (e instanceof FactEngineError) return e.message;
  if (e instanceof ZodError) return describeIssues(e.issues);
  return null;
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const reason = reasonOf(e);
  if (reason) console.error(`callscore: ${reason}`);
  else console.error(e);
  process.exit(e instanceof UsageError ? 2 : 1);
});
