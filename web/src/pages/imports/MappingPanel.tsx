import { useEffect, useId, useState } from 'react';
import {
  type ColumnMapping,
  type ImportMappingInput,
  MAPPED_KINDS,
  type MappedKind,
} from '../../../../schemas/import-mapping.ts';
import { RECORD_KINDS } from '../../../../schemas/kinds.ts';
import { useUploadImport } from '../../api/hooks.ts';
import {
  useDeleteMapping,
  usePreviewMapping,
  useSavedMappings,
  useSaveMapping,
} from '../../api/import-mappings.ts';
import { errorMessage } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { fileColumns } from './file-header.ts';
import { kindName } from './kind-label.ts';
import { MappingColumns } from './MappingColumns.tsx';
import { MappingPreview } from './MappingPreview.tsx';

type Format = ImportMappingInput['format'];
const csv = (delimiter = ',', header = true): Format => ({ type: 'csv', delimiter, header });
const blank = (kind: MappedKind): ImportMappingInput => ({ kind, format: csv(), columns: {} });

/**
 * An export of a system callscore has no reader for: the administrator picks the file, says which
 * of its columns holds each canonical value (or picks a saved mapping), previews what would load
 * and what would be quarantined, saves the mapping by name and imports.
 */
export function MappingPanel({ onQueued }: { onQueued: (jobId: string) => void }) {
  const t = useT();
  const id = useId();
  const saved = useSavedMappings();
  const save = useSaveMapping();
  const remove = useDeleteMapping();
  const preview = usePreviewMapping();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<ImportMappingInput>(blank('calls'));
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [sourceColumns, setSourceColumns] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [savedAs, setSavedAs] = useState<string | null>(null);
  // The editor's key: a mapping loaded from the list replaces the rows' own text fields.
  const [version, setVersion] = useState(0);

  const f = mapping.format;
  const delimiter = f.type === 'csv' ? (f.delimiter ?? ',') : ',';
  const header = f.type === 'csv' ? (f.header ?? true) : true;
  useEffect(() => {
    if (!file) return setSourceColumns([]);
    let live = true;
    void fileColumns(file, f.type === 'csv' ? { type: 'csv', delimiter, header } : { type: 'jsonl' }).then(
      (cols) => {
        if (live) setSourceColumns(f.type === 'csv' && !header && f.columns?.length ? f.columns : cols);
      },
    );
    return () => {
      live = false;
    };
  }, [file, f, delimiter, header]);

  const patch = (p: Partial<ImportMappingInput>) => {
    setMapping((m) => ({ ...m, ...p }));
    preview.reset();
  };
  const form = (fields: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('mapping', JSON.stringify(mapping));
    if (source.trim()) body.set('source', source.trim());
    if (file) body.set('file', file, file.name);
    return body;
  };
  const needFile = () => {
    if (file) return false;
    setMissing(true);
    return true;
  };
  const pick = (n: string) => {
    setChosen(n);
    const found = saved.data?.mappings.find((m) => m.name === n);
    setMapping(found ? found.mapping : blank(mapping.kind));
    setName(found ? found.name : '');
    setVersion((v) => v + 1);
    preview.reset();
  };
  const error = preview.error ?? save.error ?? remove.error ?? upload.error;
  const spec = RECORD_KINDS[mapping.kind];

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 className="card-title" id={`${id}-title`}>
          {t('map.title')}
        </h2>
        <p className="card-meta">{t('map.hint')}</p>
      </header>
      <div className="card-body mapping-form">
        <div className="upload-form">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-file`}>
              {t('map.file')}
            </label>
            <input
              id={`${id}-file`}
              className="input"
              type="file"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setMissing(false);
                preview.reset();
              }}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-saved`}>
              {t('map.saved')}
            </label>
            <select
              id={`${id}-saved`}
              className="select"
              value={chosen}
              onChange={(e) => pick(e.target.value)}
            >
              <option value="">{t('map.savedNone')}</option>
              {(saved.data?.mappings ?? []).map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-kind`}>
              {t('map.kind')}
            </label>
            <select
              id={`${id}-kind`}
              className="select"
              value={mapping.kind}
              onChange={(e) => patch({ kind: e.target.value as MappedKind, columns: {} })}
            >
              {MAPPED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindName(t, k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-type`}>
              {t('map.formatType')}
            </label>
            <select
              id={`${id}-type`}
              className="select"
              value={f.type}
              onChange={(e) => patch({ format: e.target.value === 'jsonl' ? { type: 'jsonl' } : csv() })}
            >
              <option value="csv">{t('map.format.csv')}</option>
              <option value="jsonl">{t('map.format.jsonl')}</option>
            </select>
          </div>
          {f.type === 'csv' && (
            <>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-delim`}>
                  {t('map.delimiter')}
                </label>
                <select
                  id={`${id}-delim`}
                  className="select"
                  value={delimiter}
                  onChange={(e) => patch({ format: { ...f, delimiter: e.target.value } })}
                >
                  {[',', ';', '|', '\\t'].map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </div>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={header}
                  onChange={(e) => patch({ format: { ...f, header: e.target.checked } })}
                />
                {t('map.header')}
              </label>
            </>
          )}
          <div className="field">
            <label className="field-label" htmlFor={`${id}-tz`}>
              {t('map.timeZone')}
            </label>
            <input
              id={`${id}-tz`}
              className="input"
              placeholder={t('map.timeZoneCompany')}
              value={mapping.timeZone ?? ''}
              onChange={(e) => {
                const { timeZone: _, ...rest } = mapping;
                setMapping(e.target.value.trim() ? { ...rest, timeZone: e.target.value.trim() } : rest);
                preview.reset();
              }}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-source`}>
              {t('map.source')}
            </label>
            <input
              id={`${id}-source`}
              className="input"
              placeholder={t('imports.upload.sourceNone')}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          </div>
        </div>
        <MappingColumns
          key={version}
          columns={spec.columns}
          required={spec.required}
          sourceColumns={sourceColumns}
          value={mapping.columns as Record<string, ColumnMapping>}
          onChange={(columns) => patch({ columns })}
        />
        <div className="upload-actions">
          <button
            type="button"
            className="button"
            disabled={preview.isPending}
            onClick={() => {
              if (!needFile()) preview.mutate(form({ kind: mapping.kind }));
            }}
          >
            {preview.isPending ? t('map.previewing') : t('map.preview')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={upload.isPending}
            onClick={() => {
              if (needFile()) return;
              upload.mutate(form({ kind: mapping.kind }), { onSuccess: (r) => onQueued(r.job.id) });
            }}
          >
            {upload.isPending ? t('imports.upload.sending') : t('map.import')}
          </button>
          <input
            className="input mapping-name"
            aria-label={t('map.name')}
            placeholder={t('map.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={!name.trim() || save.isPending}
            onClick={() =>
              save.mutate(
                { name: name.trim(), mapping },
                {
                  onSuccess: () => {
                    setSavedAs(name.trim());
                    setChosen(name.trim());
                  },
                },
              )
            }
          >
            {t('map.save')}
          </button>
          {chosen && (
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() => remove.mutate(chosen, { onSuccess: () => pick('') })}
            >
              {t('map.delete')}
            </button>
          )}
        </div>
        {savedAs && !save.isError && (
          <p className="card-meta" role="status">
            {t('map.savedOk', { name: savedAs })}
          </p>
        )}
        {(missing || error) && (
          <p className="form-error" role="alert">
            {missing ? t('map.noFile') : errorMessage(error, t)}
          </p>
        )}
        {preview.data && <MappingPreview preview={preview.data.preview} />}
        <details className="mapping-json">
          <summary>{t('map.json')}</summary>
          <pre>{JSON.stringify(mapping, null, 2)}</pre>
        </details>
      </div>
    </section>
  );
}
