import { localDate } from '../../../schemas/period.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { refill } from '../../sampling/refill.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';

const USAGE = 'callscore sample refill --date YYYY-MM-DD [--json]';

/** Runs the sampling rules due on a date, as the server's timer does: a date that ran changes nothing. */
export async function sampleCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, { date: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals[0] !== 'refill' || positionals.length !== 1) throw new UsageError(USAGE);
  const date = localDate.safeParse(values.date);
  if (!date.success) throw new UsageError(`--date ${values.date ?? ''} is not a date (YYYY-MM-DD); ${USAGE}`);
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const { timeZone } = await readSettings(rt.db);
    const r = await refill(rt, date.data, 'cli', timeZone);
    if (values.json) {
      console.log(JSON.stringify(r, null, 2));
      return;
    }
    if (!r.results.length) console.log('no active sampling rule');
    for (const x of r.results)
      console.log(
        x.ran && x.counts
          ? `${x.name}: ${x.counts.assigned} calls given (${x.counts.candidates} free to give, ${x.counts.overCap} over the caps)`
          : `${x.name}: nothing to do (not due on ${r.date}, or already run)`,
      );
  } finally {
    await rt.close();
  }
}
