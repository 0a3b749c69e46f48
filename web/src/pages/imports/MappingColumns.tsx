import type { ColumnMapping } from '../../../../schemas/import-mapping.ts';
import { useT } from '../../i18n/index.ts';

/** Which conversion a canonical column takes, by its name (the server checks the kind's own rules). */
const isTime = (c: string) => c.endsWith('_at') || c === 'as_of';
const isSeconds = (c: string) => c.endsWith('_s');
const CONST = '::const';

/** `ANSWER=answered; NO ANSWER=no_answer` ⇄ a value map. */
export const valuesText = (v: Record<string, string> | undefined) =>
  Object.entries(v ?? {})
    .map(([k, x]) => `${k}=${x}`)
    .join('; ');
const parseValues = (s: string): Record<string, string> | undefined => {
  const pairs = s
    .split(';')
    .map((p) => p.split('='))
    .filter((p) => p.length >= 2 && (p[0] ?? '').trim())
    .map((p) => [(p[0] ?? '').trim(), p.slice(1).join('=').trim()] as const);
  return pairs.length ? Object.fromEntries(pairs) : undefined;
};

/** Drops the fields left empty, so the mapping says only what was chosen. */
function tidy(m: ColumnMapping): ColumnMapping | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) {
    // A fixed value being typed may be empty for a moment; any other empty field says nothing.
    if (v === undefined || (v === '' && k !== 'const') || (Array.isArray(v) && !v.length)) continue;
    out[k] = v;
  }
  return out.from === undefined && out.const === undefined ? null : (out as ColumnMapping);
}

/**
 * One row per canonical column of the kind: where its value comes from (a column of the file, or
 * a fixed value), its conversion (a time format, a duration's unit, the agent's PBX id) and its
 * value map.
 */
export function MappingColumns({
  columns,
  required,
  sourceColumns,
  value,
  onChange,
}: {
  columns: readonly string[];
  required: readonly string[];
  sourceColumns: readonly string[];
  value: Record<string, ColumnMapping>;
  onChange: (columns: Record<string, ColumnMapping>) => void;
}) {
  const t = useT();
  const set = (column: string, patch: Partial<ColumnMapping> | null) => {
    const next = { ...value };
    const merged = patch === null ? null : tidy({ ...(value[column] ?? {}), ...patch } as ColumnMapping);
    if (merged) next[column] = merged;
    else delete next[column];
    onChange(next);
  };
  return (
    <div className="table-scroll">
      <table className="data-table mapping-table">
        <thead>
          <tr>
            <th>{t('map.col.column')}</th>
            <th>{t('map.col.from')}</th>
            <th>{t('map.col.options')}</th>
            <th>{t('map.col.values')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => {
            const m = value[c];
            const from =
              m?.const !== undefined ? CONST : Array.isArray(m?.from) ? (m?.from[0] ?? '') : (m?.from ?? '');
            const offered =
              from && from !== CONST && !sourceColumns.includes(from)
                ? [from, ...sourceColumns]
                : sourceColumns;
            return (
              <tr key={c} data-column={c}>
                <td>
                  <code>{c}</code>
                  {required.includes(c) && <span className="card-meta"> ({t('map.required')})</span>}
                </td>
                <td>
                  <select
                    className="select"
                    aria-label={t('map.fromOf', { column: c })}
                    value={from}
                    onChange={(e) => {
                      const v = e.target.value;
                      if (!v) set(c, null);
                      else if (v === CONST) set(c, { from: undefined, const: m?.const ?? '' });
                      else set(c, { from: v, const: undefined });
                    }}
                  >
                    <option value="">{t('map.fromNone')}</option>
                    {offered.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                    <option value={CONST}>{t('map.fromConst')}</option>
                  </select>
                  {from === CONST && (
                    <input
                      className="input"
                      aria-label={t('map.constOf', { column: c })}
                      placeholder={t('map.const')}
                      value={m?.const ?? ''}
                      onChange={(e) => set(c, { const: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  {m && isTime(c) && (
                    <input
                      className="input"
                      aria-label={t('map.timeFormatOf', { column: c })}
                      placeholder={t('map.timeFormat')}
                      title={t('map.timeFormatHint')}
                      value={m.format ?? ''}
                      onChange={(e) => set(c, { format: e.target.value || undefined })}
                    />
                  )}
                  {m && isSeconds(c) && (
                    <select
                      className="select"
                      aria-label={t('map.durationOf', { column: c })}
                      value={m.duration ?? ''}
                      onChange={(e) =>
                        set(c, { duration: (e.target.value || undefined) as ColumnMapping['duration'] })
                      }
                    >
                      <option value="">{t('map.duration.seconds')}</option>
                      <option value="ms">{t('map.duration.ms')}</option>
                      <option value="hms">{t('map.duration.hms')}</option>
                    </select>
                  )}
                  {m && c === 'operator_id' && (
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={m.via === 'pbx'}
                        onChange={(e) => set(c, { via: e.target.checked ? 'pbx' : undefined })}
                      />
                      {t('map.viaPbx')}
                    </label>
                  )}
                </td>
                <td>
                  {m && m.const === undefined && (
                    <div className="mapping-values">
                      <input
                        className="input"
                        aria-label={t('map.valuesOf', { column: c })}
                        placeholder={t('map.values')}
                        defaultValue={valuesText(m.values)}
                        onBlur={(e) => set(c, { values: parseValues(e.target.value) })}
                      />
                      <input
                        className="input"
                        aria-label={t('map.defaultOf', { column: c })}
                        placeholder={t('map.default')}
                        value={m.default ?? ''}
                        onChange={(e) => set(c, { default: e.target.value || undefined })}
                      />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
