import { lastCompleteMonth } from '../../../core/time.ts';
import { MAX_DEMO_MONTHS } from '../../../fixtures/demo/generate.ts';
import { resolveDataDir } from '../../config.ts';
import { DEMO_TIME_ZONE, loadDemo } from '../../demo/load-demo.ts';
import { hasData, openDataDir } from '../../runtime.ts';
import { cliArgs, intFlag, UsageError } from '../args.ts';

/** The demo's default latest month: the last one that has ended in its own time zone. */
const lastMonth = () => lastCompleteMonth(new Date(), DEMO_TIME_ZONE);

/** Months the demo covers unless told: enough for the dashboard's trends and comparisons. */
export const DEMO_MONTHS = 3;

/** Creates a demo data directory and returns the lines that tell how to sign in. */
export async function createDemo(
  dataDir: string,
  opts: { operators?: number; month?: string; months?: number; seed?: number } = {},
) {
  if (hasData(dataDir))
    throw new UsageError(`${dataDir} already holds callscore data; give an empty --data directory`);
  const rt = await openDataDir(dataDir);
  try {
    // An empty directory may still name a shared store (CALLSCORE_DATABASE_URL) that has data.
    const stored = await rt.db.selectFrom('operators').select('operator_id').limit(1).execute();
    if (stored.length > 0)
      throw new UsageError('the operational store already holds operators; give the demo an empty one');
    const result = await loadDemo(rt, {
      operators: opts.operators ?? 60,
      month: opts.month ?? lastMonth(),
      months: opts.months ?? DEMO_MONTHS,
      seed: opts.seed ?? 1,
    });
    return result;
  } finally {
    await rt.close();
  }
}

export async function demoCommand(argv: string[]) {
  const { values } = cliArgs(argv, {
    operators: { type: 'string' },
    month: { type: 'string' },
    months: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.month)) {
    throw new UsageError('--month must be YYYY-MM');
  }
  const dataDir = resolveDataDir(values.data);
  const result = await createDemo(dataDir, {
    operators: intFlag(values.operators, 'operators', 60, 2, 5000),
    ...(values.month ? { month: values.month } : {}),
    months: intFlag(values.months, 'months', DEMO_MONTHS, 1, MAX_DEMO_MONTHS),
    seed: intFlag(values.seed, 'seed', 1, 0, 2 ** 31 - 1),
  });
  if (values.json) {
    console.log(
      JSON.stringify(
        {
          dataDir,
          reports: result.reports,
          approved: result.approved,
          autoqa: result.autoqa,
          users: result.users,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(`demo data in ${dataDir}`);
  for (const r of result.reports) {
    console.log(
      `  ${r.kind.padEnd(13)} ${String(r.loaded).padStart(8)} loaded  ${r.quarantined ? `${r.quarantined} quarantined` : ''}`,
    );
  }
  console.log(
    `\nAutoQA checked the recorded calls: ${result.autoqa.map((r) => `${r.period} ${r.checked}`).join(', ')}`,
  );
  if (result.approved.length) console.log(`\npay periods approved: ${result.approved.join(', ')}`);
  console.log('\nsign in with one of these (also in', result.credentialsFile, '):');
  for (const u of result.users) console.log(`  ${u.username.padEnd(10)} ${u.password}   ${u.role}`);
}
