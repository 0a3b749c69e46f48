import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/errors.ts';
import { PBX_SOURCE } from '../../../etl/asterisk/import-asterisk.ts';
import { importFile } from '../../../etl/import-file.ts';
import { mappedOptions } from '../../../etl/mapping/mapped-reader.ts';
import { readMappingFile } from '../../../etl/mapping/parse-mapping.ts';
import { previewMapped } from '../../../etl/mapping/preview.ts';
import type { ImportMapping, ImportPreview } from '../../../schemas/import-mapping.ts';
import { FORMATS, type Format, type ImportReport } from '../../../schemas/import-report.ts';
import { IMPORT_KINDS, isImportKind, TRANSCRIPTS } from '../../../schemas/kinds.ts';
import { StoreLockedError } from '../../../stores/duckdb.ts';
import { dropResultsForCatalogue } from '../../autoqa/autoqa-job.ts';
import { resolveDataDir } from '../../config.ts';
import { openDataDir, type Runtime } from '../../runtime.ts';
import { readSettings } from '../../settings/settings.repository.ts';
import { cliArgs, intFlag, UsageError } from '../args.ts';
import { importVia, previewVia } from '../import-via.ts';
import { progressBar } from '../progress-bar.ts';
import { readPassword } from '../read-password.ts';
import { followCommand } from './import-follow.ts';

/** Files smaller than this import in a moment: no progress bar. */
const PROGRESS_BYTES = 16 * 1024 ** 2;

function printReport(file: string, report: ImportReport) {
  console.log(
    report.status === 'already_imported'
      ? `${file}: ${report.message}`
      : `${file}: read ${report.read}, loaded ${report.loaded}, quarantined ${report.quarantined}, duplicates ${report.duplicates}${report.transcripts ? ' segments' : ''} (${report.seconds} s)`,
  );
  const t = report.status === 'already_imported' ? undefined : report.transcripts;
  if (t) {
    console.log(
      `  transcripts: read ${t.read}, loaded ${t.loaded} (${t.replaced} replacing older ones), quarantined ${t.quarantined}, duplicates ${t.duplicates}`,
    );
  }
  for (const q of report.quarantine) console.log(`  line ${q.line}: ${q.reason}`);
  if (report.quarantined > report.quarantine.length) {
    console.log(
      `  … ${report.quarantined - report.quarantine.length} more in the import log (#${report.importId})`,
    );
  }
  if (report.ignoredColumns.length) console.log(`  ignored columns: ${report.ignoredColumns.join(', ')}`);
  for (const note of report.notes) console.log(`  ${note}`);
}

/** What a mapped file would load, as a table of its first records and the records set aside. */
function printPreview(file: string, p: ImportPreview) {
  console.log(
    `${file}: would read ${p.read}, load ${p.good}, quarantine ${p.quarantined} (preview: nothing written)`,
  );
  const header = ['line', ...p.columns];
  const rows = p.rows.map((r) => [String(r.line), ...p.columns.map((c) => r.cells[c] ?? '')]);
  const widths = header.map((h, i) =>
    Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((c, i) => (c.length > 40 ? `${c.slice(0, 39)}…` : c).padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  if (rows.length) {
    console.log(line(header));
    for (const r of rows) console.log(line(r));
  }
  if (p.quarantine.length) console.log('  would be quarantined:');
  for (const q of p.quarantine) console.log(`  line ${q.line}: ${q.reason}\n    ${q.raw}`);
  for (const note of p.notes) console.log(`  ${note}`);
}

const bigEnough = (file: string) => {
  try {
    return statSync(file).size >= PROGRESS_BYTES;
  } catch {
    return false;
  }
};

/** Transcript files: a folder stands for the files in it (one per call, as a PBX or a tool writes them). */
const TRANSCRIPT_FILE = /\.(vtt|json|jsonl|ndjson|csv)(\.gz)?$/i;
function transcriptFiles(named: string): string[] {
  let dir = false;
  try {
    dir = statSync(named).isDirectory();
  } catch {
    // not there: the import says so
  }
  if (!dir) return [named];
  return readdirSync(named, { withFileTypes: true })
    .filter((e) => e.isFile() && TRANSCRIPT_FILE.test(e.name))
    .map((e) => path.join(named, e.name))
    .sort();
}

export async function importCommand(argv: string[]) {
  const { values, positionals } = cliArgs(argv, {
    format: { type: 'string' },
    json: { type: 'boolean' },
    gmt: { type: 'boolean' },
    encoding: { type: 'string' },
    source: { type: 'string' },
    via: { type: 'string' },
    user: { type: 'string' },
    map: { type: 'string' },
    preview: { type: 'boolean' },
    follow: { type: 'boolean' },
    interval: { type: 'string' },
    state: { type: 'string' },
    once: { type: 'boolean' },
  });
  const [kind, ...named] = positionals;
  if (!kind || !(isImportKind(kind) || kind === 'queue-log'))
    throw new UsageError(`callscore import <kind> <file...>; kinds: ${IMPORT_KINDS.join(', ')}, queue-log`);
  if (!named.length) throw new UsageError('name at least one file to import');
  const files = kind === TRANSCRIPTS ? named.flatMap(transcriptFiles) : named;
  if (!files.length)
    throw new UsageError(`${named.join(', ')}: no transcript files (.vtt, .json, .jsonl, .csv)`);
  if (values.format && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  }
  if (values.via && !/^https?:\/\/[^/]+/.test(values.via))
    throw new UsageError('--via takes the server address, e.g. --via http://127.0.0.1:8080');
  if (values.via && !values.user) throw new UsageError('--via needs --user NAME (an administrator)');
  const format = values.format as Format | undefined;
  if (values.preview && !values.map)
    throw new UsageError('--preview shows a file read through a mapping: add --map FILE');
  if (values.map && format && format !== 'mapped')
    throw new UsageError('--map reads the file through the mapping: leave out --format');
  const mapping: ImportMapping | undefined = values.map ? await readMappingFile(values.map) : undefined;
  if (mapping && mapping.kind !== kind) {
    throw new UsageError(`the mapping ${values.map} reads ${mapping.kind}, not ${kind}`);
  }
  if (values.follow) {
    if (named.length !== 1) throw new UsageError('--follow reads one file');
    if (values.source !== undefined && !PBX_SOURCE.test(values.source))
      throw new UsageError('--source must be a short name: letters, digits, ".", "_" or "-", up to 32');
    return followCommand({
      kind,
      file: named[0] as string,
      format,
      interval: intFlag(values.interval, 'interval', 2, 1, 3600) * 1000,
      gmt: values.gmt ?? false,
      source: values.source,
      data: values.data,
      via: values.via ? { url: values.via, user: values.user as string, state: values.state } : undefined,
      once: values.once ?? false,
    });
  }
  if (values.interval || values.state || values.once)
    throw new UsageError('--interval, --state and --once go with --follow');

  const reports: ImportReport[] = [];
  const each = async (
    importOne: (file: string, bar: ReturnType<typeof progressBar>) => Promise<ImportReport>,
  ) => {
    const refused: string[] = [];
    for (const file of files) {
      const bar = progressBar(file, bigEnough(file));
      let report: ImportReport;
      try {
        report = await importOne(file, bar);
      } catch (e) {
        // A folder of per-call transcripts goes on past a file it cannot read, and says so.
        if (!(kind === TRANSCRIPTS && files.length > 1 && e instanceof AppError)) throw e;
        console.error(`${file}: ${e.message}`);
        refused.push(file);
        continue;
      } finally {
        bar.done();
      }
      reports.push(report);
      if (!values.json) printReport(file, report);
    }
    if (refused.length) {
      if (values.json) console.log(JSON.stringify(reports, null, 2));
      throw new AppError('bad_request', `${refused.length} of ${files.length} files were not imported`);
    }
  };

  if (values.via && mapping && values.preview) {
    const password = readPassword();
    const previews: ImportPreview[] = [];
    for (const file of files) {
      const p = await previewVia({
        url: values.via,
        user: values.user as string,
        password,
        kind,
        file,
        mapping: JSON.stringify(mapping),
        encoding: values.encoding,
        source: values.source,
      });
      if (values.json) previews.push(p);
      else printPreview(file, p);
    }
    if (values.json) console.log(JSON.stringify(previews, null, 2));
    return;
  }
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
        source: values.source,
        mapping: mapping ? JSON.stringify(mapping) : undefined,
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
      if (mapping && values.preview) {
        const previews: ImportPreview[] = [];
        for (const file of files) {
          const p = await previewMapped(rt, {
            file,
            mapping,
            timeZone,
            pbx: values.source,
            encoding: values.encoding,
          });
          if (values.json) previews.push(p);
          else printPreview(file, p);
        }
        if (values.json) console.log(JSON.stringify(previews, null, 2));
        return;
      }
      await each(async (file, bar) => {
        const report = await importFile(rt, {
          kind,
          file,
          actor: 'cli',
          timeZone,
          gmtTimes: values.gmt ?? false,
          onProgress: bar.update,
          ...(values.encoding ? { encoding: values.encoding } : {}),
          ...(values.source ? { pbx: values.source } : {}),
          ...(format ? { format } : {}),
          ...(mapping ? mappedOptions(mapping, values.encoding) : {}),
        });
        // A new catalogue makes the calls due again; the server checks them when it next starts.
        await dropResultsForCatalogue(rt, report, 'cli');
        return report;
      });
    } finally {
      await rt.close();
    }
  }
  if (values.json) console.log(JSON.stringify(reports, null, 2));
}
