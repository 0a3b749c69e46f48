import type { ImportReport } from '../../../../schemas/import-report.ts';
import type { Formatters } from '../../format.ts';
import { useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';

/** The counts of an import report: read = loaded + quarantined + duplicates. */
export function ReportFigures({ report, fmt }: { report: ImportReport; fmt: Formatters }) {
  const t = useT();
  const figures = [
    ['imports.report.read', report.read],
    ['imports.report.loaded', report.loaded],
    ['imports.report.quarantined', report.quarantined],
    ['imports.report.duplicates', report.duplicates],
  ] as const;
  return (
    <div>
      <dl className="report-figures">
        {figures.map(([label, n]) => (
          <div key={label} className="report-figure">
            <dt>{t(label)}</dt>
            <dd className="num">{fmt.integer(n)}</dd>
          </div>
        ))}
      </dl>
      <p className="card-meta">
        {valueLabel(t, 'format', report.format)} ·{' '}
        {t('imports.report.seconds', { seconds: fmt.decimal(report.seconds, 2) })}
        {report.ignoredColumns.length > 0 &&
          ` · ${t('imports.report.ignored', { columns: report.ignoredColumns.join(', ') })}`}
      </p>
      {report.notes.map((note) => (
        <p key={note} className="card-meta">
          {note}
        </p>
      ))}
    </div>
  );
}
