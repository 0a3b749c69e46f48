import path from 'node:path';
import type { TelephonyFormat } from '../../../etl/asterisk/import-asterisk.ts';
import { type FollowProgress, followFile } from '../../../etl/follow/follow.ts';
import { followedFilesState } from '../../../etl/follow/followed-files.repository.ts';
import { jsonFileState } from '../../../etl/follow/json-state.ts';
import { importFile } from '../../../etl/import-file.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { UsageError } from '../args.ts';
import { importVia } from '../import-via.ts';
import { readPassword } from '../read-password.ts';

export interface FollowArgs {
  kind: string;
  file: string;
  format: string | undefined;
  interval: number;
  gmt: boolean;
  source: string | undefined;
  data: string | undefined;
  via?: { url: string; user: string; state: string | undefined } | undefined;
  /** Read what is there and stop (no waiting for more). */
  once: boolean;
}

/** The format of a followed file: named, or told by the kind and the file's name (an empty file says nothing yet). */
export function followFormat(kind: string, file: string, format: string | undefined): TelephonyFormat {
  if (format === 'queue-log' || format === 'asterisk-cdr') return format;
  if (format)
    throw new UsageError('--follow reads an Asterisk CDR or queue_log: --format asterisk-cdr or queue-log');
  if (kind === 'queue-log' || /queue_log/i.test(path.basename(file))) return 'queue-log';
  if (kind === 'calls' && /(master|cdr).*\.csv$/i.test(path.basename(file))) return 'asterisk-cdr';
  throw new UsageError(
    `--follow cannot tell what ${file} is: add --format asterisk-cdr or --format queue-log`,
  );
}

const progressLine = (p: FollowProgress, format: TelephonyFormat) =>
  `${p.batch}: ${p.lines} lines, ${p.updated} ${format === 'queue-log' ? 'calls updated' : 'CDR legs'}; ` +
  `in all ${p.totalLines} lines read, ${p.totalUpdated} ${format === 'queue-log' ? 'calls updated' : 'legs'}` +
  `; last event ${p.lastEventAt ?? 'none yet'}`;

/**
 * `callscore import calls FILE --follow`: reads the file as the PBX writes it until SIGINT or
 * SIGTERM, then stops after the batch in hand. Every batch goes through the importer like any
 * file, so the import log lists it as `<file>@<offset>`.
 */
export async function followCommand(a: FollowArgs): Promise<void> {
  if (a.kind !== 'calls' && a.kind !== 'queue-log')
    throw new UsageError('--follow reads calls: callscore import calls FILE --follow');
  const format = followFormat(a.kind, a.file, a.format);
  const file = path.resolve(a.file);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const common = {
    path: file,
    format,
    intervalMs: a.interval,
    signal: stop.signal,
    untilIdle: a.once,
    onBatch: (p: FollowProgress) => console.log(progressLine(p, format)),
    onNote: (note: string) => console.log(note),
  };
  console.log(
    `following ${file} (${format}${a.source ? `, source ${a.source}` : ''}) every ${a.interval / 1000} s; Ctrl-C stops`,
  );
  try {
    if (a.via) {
      const { url, user } = a.via;
      const password = readPassword();
      const session = { cookie: null as string | null };
      await followFile({
        ...common,
        // this process has no data directory: the position is kept in a file of its own
        state: jsonFileState(a.via.state ?? `${path.basename(file)}.${a.source ?? 'pbx'}.follow.json`),
        importBatch: (batch) =>
          importVia({
            url,
            user,
            password,
            session,
            kind: 'calls',
            file: batch,
            format,
            gmt: a.gmt,
            source: a.source,
          }),
      });
    } else {
      const rt = await openDataDir(resolveDataDir(a.data));
      try {
        const { timeZone } = await readSettings(rt.db);
        await followFile({
          ...common,
          state: followedFilesState(rt.db, { path: file, format, pbxSource: a.source ?? '' }),
          importBatch: (batch) =>
            importFile(rt, {
              kind: 'calls',
              file: batch,
              format,
              actor: 'cli',
              timeZone,
              gmtTimes: a.gmt,
              ...(a.source ? { pbx: a.source } : {}),
            }),
        });
      } finally {
        await rt.close();
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.log(`stopped following ${file}`);
}
