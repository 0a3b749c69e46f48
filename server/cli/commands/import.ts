import { statSync } from 'node:fs';
import { AppError } from '../../../core/errors.ts';
import { importFile } from '../../../etl/import-file.ts';
import { FORMATS, type Format, type ImportReport } from '../../../schemas/import-report.ts';
import { isKind, KIND_NAMES } from '../../../schemas/kinds.ts';
import { StoreLockedError } from '../../../stores/duckdb.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir, type Runtime } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';
import { importVia } from '../import-via.ts';
import { progressBar } from '../progress-bar.ts';
import { readPassword } from '../read-password.ts';

/** Files smaller than this import in a moment: no progress bar. */
const PROGRESS_BYTES = 16 * 1024 ** 2;

function printReport(file: string, report: ImportReport) {
  console.log(
    report.status === 'already_imported'
      ? `${file}: ${report.message}`
      : `${file}: read ${report.read}, loaded ${report.loaded}, quarantined ${report.quarantined}, duplicates ${report.duplicates} (${report.seconds} s)`,
  );
  for (const q of report.quarantine) console.log(`  line ${q.line}: ${q.reason}`);
  if (report.quarantined > report.quarantine.length) {
    console.log(
      `  … ${report.quarantined - report.quarantine.length} more in the import log (#${report.importId})`,
    );
  }
  if (report.ignoredColumns.length) console.log(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  for (const note of report.notes) console.log(`  ${note}`);
}

const bigEnough = (file: string) => {
  try {
    return statSync(file).size >= PROGRESS_BYTES;
  } catch {
    return false;
  }
};

export async function importCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    format: { type: 'string' },
    json: { type: 'boolean' },
    gmt: { type: 'boolean' },
    encoding: { type: 'string' },
    via: { type: 'string' },
    user: { type: 'string' },
  });
  const [kind, ...files] = positionals;
  if (!kind || !(isKind(kind) || kind === 'queue-log'))
    throw new UsageError(`callscore import <kind> <file...>; kinds: ${KIND_NAMES.join(', ')}, queue-log`);
  if (!files.length) throw new UsageError('name at least one file to import');
  if (values.format && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  if (values.via && !/^https?:\/\/[^/]+/.test(values.via))
    throw new UsageError('--via takes the server address, e.g. --via http://127.0.0.1:8080');
  if (values.via && !values.user) throw new UsageError('--via needs --user NAME (an administrator)');
  const format = values.format as Format | undefined;

  const reports: ImportReport[] = [];
  const each = async (
    importOne: (file: string, bar: ReturnType<typeof progressBar>) => Promise<ImportReport>,
  ) => {
    for (const file of files) {
      const bar = progressBar(file, bigEnough(file));
      let report: ImportReport;
      try {
        report = await importOne(file, bar);
      } finally {
        bar.done();
      }
      reports.push(report);
      if (!values.json) printReport(file, report);
    }
  };

  if (values.via) {
    const password = readPassword();
    const url = values.via;
    const user = values.user as string;
    await each((file, bar) =>
      importVia({
        url,
        user,
        password,
        kind,
        file,
        format,
        gmt: values.gmt,
        encoding: values.encoding,
        onPhase: (phase) => bar.update(phase, null),
      }),
    );
  } else {
    let rt: Runtime;
    try {
      rt = await openDataDir(resolveDataDir(values.data));
    } catch (e) {
      if (e instanceof StoreLockedError) {
        throw new AppError(
          'conflict',
          `${e.message}: callscore import ${kind} FILE --via http://HOST:PORT --user NAME sends the file to that server`,
        );
      }
      throw e;
    }
    try {
      const { timeZone } = await readSettings(rt.db);
      await each((file, bar) =>
        importFile(rt, {
          kind,
          file,
          actor: 'cli',
          timeZone,
          gmtTimes: values.gmt ?? false,
          onProgress: bar.update,
          ...(values.encoding ? { encoding: values.encoding } : {}),
          ...(format ? { format } : {}),
        }),
      );
    } finally {
      await rt.close();
    }
  }
  if (values.json) console.log(JSON.stringify(reports, null, 2));
}
