import { type FormEvent, useId, useState } from 'react';
import { FORMATS } from '../../../../schemas/import-report.ts';
import { TRANSCRIPTS } from '../../../../schemas/kinds.ts';
import { useUploadImport } from '../../api/hooks.ts';
import { errorMessage } from '../../components/states.tsx';
import { useT } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';
import { kindName, UPLOAD_KINDS } from './kind-label.ts';

/** The encodings systems in our region export in, offered first; any name iconv knows is taken. */
const ENCODINGS = ['windows-1251', 'koi8-r', 'cp866', 'windows-1250', 'windows-1252', 'iso-8859-2', 'latin1'];

/**
 * Sends a file to `POST /api/imports`, or several transcript files one after another (a file per
 * call); `onQueued` gets each job to follow.
 */
export function UploadForm({ onQueued }: { onQueued: (jobId: string) => void }) {
  const t = useT();
  const upload = useUploadImport();
  const ids = {
    kind: useId(),
    format: useId(),
    file: useId(),
    gmt: useId(),
    encoding: useId(),
    source: useId(),
  };
  const [kind, setKind] = useState<string>('calls');
  const [format, setFormat] = useState('');
  const [gmt, setGmt] = useState(false);
  const [encoding, setEncoding] = useState('');
  const [source, setSource] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const several = kind === TRANSCRIPTS;
  const [missing, setMissing] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = several ? files : files.slice(0, 1);
    if (!chosen.length) {
      setMissing(true);
      return;
    }
    // In turn, so that the jobs queue in the order the files were chosen.
    for (const file of chosen) {
      const form = new FormData();
      form.set('kind', kind);
      if (format) form.set('format', format);
      if (gmt) form.set('gmt', 'true');
      if (encoding.trim()) form.set('encoding', encoding.trim());
      if (source.trim()) form.set('source', source.trim());
      form.set('file', file, file.name);
      try {
        onQueued((await upload.mutateAsync(form)).job.id);
      } catch {
        // the mutation's error is shown below; the files after it are not sent
        return;
      }
    }
  };

  return (
    <section className="card" aria-labelledby="upload-title">
      <header className="card-header">
        <h2 className="card-title" id="upload-title">
          {t('imports.upload.title')}
        </h2>
      </header>
      <form className="card-body upload-form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label className="field-label" htmlFor={ids.kind}>
            {t('imports.upload.kind')}
          </label>
          <select id={ids.kind} className="select" value={kind} onChange={(e) => setKind(e.target.value)}>
            {UPLOAD_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(t, k)}
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
            {/* A mapped export is sent from the mapping section, with its mapping. */}
            {FORMATS.filter((f) => f !== 'mapped').map((f) => (
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
          <label className="field-label" htmlFor={ids.source}>
            {t('imports.upload.source')}
          </label>
          <input
            id={ids.source}
            className="input"
            placeholder={t('imports.upload.sourceNone')}
            aria-describedby={`${ids.source}-hint`}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
          <p className="card-meta" id={`${ids.source}-hint`}>
            {t('imports.upload.sourceHint')}
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.file}>
            {several ? t('imports.upload.files') : t('imports.upload.file')}
          </label>
          <input
            id={ids.file}
            className="input"
            type="file"
            multiple={several}
            aria-describedby={several ? `${ids.file}-hint` : undefined}
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setMissing(false);
            }}
          />
          {several && (
            <p className="card-meta" id={`${ids.file}-hint`}>
              {t('imports.upload.filesHint')}
            </p>
          )}
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
