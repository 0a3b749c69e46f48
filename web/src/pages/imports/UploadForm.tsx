import { type FormEvent, useId, useState } from 'react';
import { FORMATS } from '../../../../schemas/import-report.ts';
import { KIND_NAMES } from '../../../../schemas/kinds.ts';
import { useUploadImport } from '../../api/hooks.ts';
import { errorMessage } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';

const KINDS = [...KIND_NAMES, 'queue-log'] as const;
/** The encodings systems in our region export in, offered first; any name iconv knows is taken. */
const ENCODINGS = ['windows-1251', 'koi8-r', 'cp866', 'windows-1250', 'windows-1252', 'iso-8859-2', 'latin1'];

/** Sends one file to `POST /api/imports`; `onQueued` gets the job to follow. */
export function UploadForm({ onQueued }: { onQueued: (jobId: string) => void }) {
  const t = useT();
  const upload = useUploadImport();
  const ids = { kind: useId(), format: useId(), file: useId(), gmt: useId(), encoding: useId() };
  const [kind, setKind] = useState<string>('calls');
  const [format, setFormat] = useState('');
  const [gmt, setGmt] = useState(false);
  const [encoding, setEncoding] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    const form = new FormData();
    form.set('kind', kind);
    if (format) form.set('format', format);
    if (gmt) form.set('gmt', 'true');
    if (encoding.trim()) form.set('encoding', encoding.trim());
    form.set('file', file, file.name);
    upload.mutate(form, { onSuccess: (res) => onQueued(res.job.id) });
  };

  return (
    <section className="card" aria-labelledby="upload-title">
      <header className="card-header">
        <h2 className="card-title" id="upload-title">
          {t('imports.upload.title')}
        </h2>
      </header>
      <form className="card-body upload-form" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={ids.kind}>
            {t('imports.upload.kind')}
          </label>
          <select id={ids.kind} className="select" value={kind} onChange={(e) => setKind(e.target.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {valueLabel(t, 'kind', k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.format}>
            {t('imports.upload.format')}
          </label>
          <select
            id={ids.format}
            className="select"
            value={format}
            onChange={(e) => setFormat(e.target.value)}
          >
            <option value="">{t('imports.upload.formatDetect')}</option>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {valueLabel(t, 'format', f)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.encoding}>
            {t('imports.upload.encoding')}
          </label>
          <input
            id={ids.encoding}
            className="input"
            list={`${ids.encoding}-list`}
            placeholder={t('imports.upload.encodingUtf8')}
            value={encoding}
            onChange={(e) => setEncoding(e.target.value)}
          />
          <datalist id={`${ids.encoding}-list`}>
            {ENCODINGS.map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.file}>
            {t('imports.upload.file')}
          </label>
          <input
            id={ids.file}
            className="input"
            type="file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setMissing(false);
            }}
          />
        </div>
        <label className="checkbox" htmlFor={ids.gmt}>
          <input id={ids.gmt} type="checkbox" checked={gmt} onChange={(e) => setGmt(e.target.checked)} />
          {t('imports.upload.gmt')}
        </label>
        <div className="upload-actions">
          <button type="submit" className="button button-primary" disabled={upload.isPending}>
            {upload.isPending ? t('imports.upload.sending') : t('imports.upload.submit')}
          </button>
          {(missing || upload.isError) && (
            <p className="form-error" role="alert">
              {missing ? t('imports.upload.noFile') : errorMessage(upload.error, t)}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
