import { importFile } from '../../../etl/import-file.ts';
import { FORMATS, type Format } from '../../../schemas/import-report.ts';
import { isKind, KIND_NAMES } from '../../../schemas/kinds.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, UsageError } from '../args.ts';

export async function importCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    format: { type: 'string' },
    json: { type: 'boolean' },
    gmt: { type: 'boolean' },
  });
  const [kind, ...files] = positionals;
  if (!kind || !isKind(kind))
    throw new UsageError(`callscore import <kind> <file...>; kinds: ${KIND_NAMES.join(', ')}`);
  if (!files.length) throw new UsageError('name at least one file to import');
  if (values.format && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')} (telephony formats come with the ETL)`,
    );
  }
  const rt = await openDataDir(resolveDataDir(values.data));
  try {
    const { timeZone } = await readSettings(rt.db);
    const reports = [];
    for (const file of files) {
      const report = await importFile(rt, {
        kind,
        file,
        actor: 'cli',
        timeZone,
        gmtTimes: values.gmt ?? false,
        ...(values.format ? { format: values.format as Format } : {}),
      });
      reports.push(report);
      if (!values.json) {
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
        if (report.ignoredColumns.length)
          console.log(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
      }
    }
    if (values.json) console.log(JSON.stringify(reports, null, 2));
  } finally {
    await rt.close();
  }
}
