import { resolveDataDir } from '../../config.ts';
import { resolveLakeDir } from '../../lake/lake-dir.ts';
import { describeSync, syncLake } from '../../lake/sync.ts';
import { openDataDir } from '../../runtime.ts';
import { cliArgs, UsageError } from '../args.ts';

/** `callscore lake sync [--lake DIR] [--json]`: writes the partitions whose rows changed. */
export async function lakeCommand(argv: string[]) {
  const [sub, ...rest] = argv;
  if (sub !== 'sync') throw new UsageError('usage: callscore lake sync [--lake DIR] [--json]');
  const { values } = cliArgs(rest, { lake: { type: 'string' }, json: { type: 'boolean' } });
  const dataDir = resolveDataDir(values.data);
  const rt = await openDataDir(dataDir);
  try {
    const report = await syncLake(rt, resolveLakeDir(values.lake, dataDir));
    console.log(values.json ? JSON.stringify(report, null, 2) : describeSync(report));
  } finally {
    await rt.close();
  }
}
