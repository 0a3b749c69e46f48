import type { ImportPreview } from '../../../../schemas/import-mapping.ts';
import { useT } from '../../i18n/index.ts';
import { QuarantineTable } from './QuarantineTable.tsx';

/** What an import through the mapping would do: its figures, the first records, the ones set aside. */
export function MappingPreview({ preview }: { preview: ImportPreview }) {
  const t = useT();
  return (
    <section className="mapping-preview" aria-label={t('map.preview.title')}>
      <h3 className="card-subtitle">{t('map.preview.title')}</h3>
      <p className="card-meta" data-testid="preview-counts">
        {t('map.preview.counts', {
          read: preview.read,
          good: preview.good,
          quarantined: preview.quarantined,
        })}
      </p>
      {preview.notes.map((n) => (
        <p key={n} className="card-meta">
          {n}
        </p>
      ))}
      {preview.rows.length > 0 && (
        <>
          <h4 className="card-subtitle">{t('map.preview.rows')}</h4>
          <div className="table-scroll">
            <table className="data-table preview-table">
              <thead>
                <tr>
                  <th className="num">{t('imports.col.line')}</th>
                  {preview.columns.map((c) => (
                    <th key={c}>
                      <code>{c}</code>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="num">{r.line}</td>
                    {preview.columns.map((c) => (
                      <td key={c}>{r.cells[c] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {preview.quarantine.length > 0 && (
        <>
          <h4 className="card-subtitle">{t('map.preview.bad')}</h4>
          <QuarantineTable rows={preview.quarantine} />
        </>
      )}
    </section>
  );
}
