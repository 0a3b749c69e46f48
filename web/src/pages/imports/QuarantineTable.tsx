import { useT } from '../../i18n/index.ts';
import { translateReason } from './reasons.ts';

/** Quarantined rows: line, reason, and the row as the file had it. */
export function QuarantineTable({
  rows,
}: {
  rows: readonly { line: number; reason: string; raw: string; rawBytes?: string | null }[];
}) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="data-table quarantine-table">
        <thead>
          <tr>
            <th className="num">{t('imports.col.line')}</th>
            <th>{t('imports.col.reason')}</th>
            <th>{t('imports.col.raw')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((q) => (
            <tr key={`${q.line}-${q.reason}`}>
              <td className="num">{q.line}</td>
              <td className="wrap">{translateReason(t, q.reason)}</td>
              <td>
                <code className="raw">{q.raw}</code>
                {q.rawBytes && (
                  <a
                    className="card-meta raw-bytes"
                    download={`line-${q.line}.bin`}
                    href={`data:application/octet-stream;base64,${q.rawBytes}`}
                  >
                    {t('imports.col.rawBytes')}
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
