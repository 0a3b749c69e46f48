import type { ImportReport } from '../../../../schemas/import-report.ts';
import type { Formatters } from '../../format.ts';
import { type MessageKey, useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';

type Figures = readonly (readonly [MessageKey, number])[];

function FigureList({ figures, fmt, label }: { figures: Figures; fmt: Formatters; label?: string }) {
  const t = useT();
  return (
    <dl className="report-figures" aria-label={label}>
      {figures.map(([key, n]) => (
        <div key={key} className="report-figure">
          <dt>{t(key)}</dt>
          <dd className="num">{fmt.integer(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The counts of an import report: read = loaded + quarantined + duplicates. A transcripts import
 * counts its transcripts (one per call) and, below, their segments.
 */
export function ReportFigures({ report, fmt }: { report: ImportReport; fmt: Formatters }) {
  const t = useT();
  const figures: Figures = [
    ['imports.report.read', report.read],
    ['imports.report.loaded', report.loaded],
    ['imports.report.quarantined', report.quarantined],
    ['imports.report.duplicates', report.duplicates],
  ];
  const tr = report.transcripts;
  return (
    <div>
      {tr ? (
        <>
          <p className="card-meta">{t('imports.report.transcripts')}</p>
          <FigureList
            label={t('imports.report.transcripts')}
            fmt={fmt}
            figures={[
              ['imports.report.read', tr.read],
              ['imports.report.loaded', tr.loaded],
              ['imports.report.replaced', tr.replaced],
              ['imports.report.quarantined', tr.quarantined],
              ['imports.report.duplicates', tr.duplicates],
            ]}
          />
          <p className="card-meta">{t('imports.report.segments')}</p>
          <FigureList label={t('imports.report.segments')} fmt={fmt} figures={figures} />
        </>
      ) : (
        <FigureList fmt={fmt} figures={figures} />
      )}
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
