import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import type { ImportPreview, ImportPreviewResponse } from '../../schemas/import-mapping.ts';
import { type ImportReport, importReport } from '../../schemas/import-report.ts';

export interface ViaRequest {
  /** The server, e.g. http://127.0.0.1:8080. */
  url: string;
  user: string;
  password: string;
  kind: string;
  file: string;
  format?: string | undefined;
  gmt?: boolean | undefined;
  encoding?: string | undefined;
  source?: string | undefined;
  /** A mapping (its JSON) the file is read through. */
  mapping?: string | undefined;
  onPhase?: (phase: 'uploading' | 'waiting') => void;
  /**
   * A session kept across calls by a caller that sends many files (`import --follow` sends a
   * batch every few seconds): signed in once, not once a file.
   */
  session?: { cookie: string | null };
}

interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  report: unknown;
  error: string | null;
}

/** The server's `{error: {message}}` as one line, or the status when the body says nothing. */
async function failure(res: Response, what: string): Promise<AppError> {
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status
  }
  return new AppError('bad_request', `${what}: ${message}`);
}

async function send(url: string, init: RequestInit, what: string): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    throw new AppError('bad_request', `${what}: cannot reach ${new URL(url).origin} (${cause})`);
  }
}

/** Signs in to the server; the session cookie. */
async function signIn(base: string, req: Pick<ViaRequest, 'user' | 'password'>): Promise<string> {
  const login = await send(
    `${base}/api/auth/login`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: req.user, password: req.password }),
    },
    'sign-in failed',
  );
  if (!login.ok) throw await failure(login, 'sign-in failed');
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return cookie;
}

/**
 * Imports a file through a running server, for when the server owns the data directory: signs
 * in, uploads the file (streamed from disk) to POST /api/imports, and waits for the job's report.
 */
export async function importVia(req: ViaRequest): Promise<ImportReport> {
  const base = req.url.replace(/\/+$/, '');
  const signInKept = async () => {
    const cookie = await signIn(base, req);
    if (req.session) req.session.cookie = cookie;
    return cookie;
  };
  const post = async (cookie: string) => {
    const form = new FormData();
    form.set('kind', req.kind);
    if (req.format) form.set('format', req.format);
    if (req.gmt) form.set('gmt', 'true');
    if (req.encoding) form.set('encoding', req.encoding);
    if (req.source) form.set('source', req.source);
    if (req.mapping) form.set('mapping', req.mapping);
    form.set('file', await openAsBlob(req.file), path.basename(req.file));
    req.onPhase?.('uploading');
    return send(`${base}/api/imports`, { method: 'POST', headers: { cookie }, body: form }, 'upload failed');
  };

  const kept = req.session?.cookie ?? null;
  let cookie = kept ?? (await signInKept());
  let upload = await post(cookie);
  // A kept session the server no longer knows (it expired, the server was reset): sign in again.
  if (upload.status === 401 && kept !== null) {
    cookie = await signInKept();
    upload = await post(cookie);
  }
  if (upload.status !== 202) throw await failure(upload, 'upload failed');
  let { job } = (await upload.json()) as { job: Job };

  req.onPhase?.('waiting');
  while (job.state === 'queued' || job.state === 'running') {
    await new Promise((r) => setTimeout(r, 300));
    const res = await send(`${base}/api/imports/jobs/${job.id}`, { headers: { cookie } }, 'import failed');
    if (!res.ok) throw await failure(res, 'import failed');
    ({ job } = (await res.json()) as { job: Job });
  }
  if (job.state === 'failed')
    throw new AppError('bad_request', job.error ?? 'the import failed on the server');
  return importReport.parse(job.report);
}

/** What importing a file through a mapping would do, asked of a running server (POST /api/imports/preview). */
export async function previewVia(
  req: Pick<ViaRequest, 'url' | 'user' | 'password' | 'kind' | 'file' | 'encoding' | 'source'> & {
    mapping: string;
  },
): Promise<ImportPreview> {
  const base = req.url.replace(/\/+$/, '');
  const cookie = await signIn(base, req);
  const form = new FormData();
  form.set('kind', req.kind);
  form.set('mapping', req.mapping);
  if (req.encoding) form.set('encoding', req.encoding);
  if (req.source) form.set('source', req.source);
  form.set('file', await openAsBlob(req.file), path.basename(req.file));
  const res = await send(
    `${base}/api/imports/preview`,
    { method: 'POST', headers: { cookie }, body: form },
    'preview failed',
  );
  if (!res.ok) throw await failure(res, 'preview failed');
  return ((await res.json()) as ImportPreviewResponse).preview;
}
