import type { MiddlewareHandler } from 'hono';
import { audit } from '../audit/audit.ts';
import type { AppEnv } from '../context.ts';
import { type UploadSeen, uploadSeen } from './receive-upload.ts';

const seenByRequest = new WeakMap<Request, UploadSeen>();

/** What the upload handler has read of this request so far; the refusal's audit row names it. */
export function seenOf(request: Request): UploadSeen {
  let seen = seenByRequest.get(request);
  if (!seen) {
    seen = uploadSeen();
    seenByRequest.set(request, seen);
  }
  return seen;
}

/**
 * Audits an upload refused to a signed-in user: a role that may not import, a malformed or
 * cut-off form, a bad field. An accepted upload is audited with its job, in the job's transaction.
 * A request without a session names nobody and is not logged, or anybody could fill the log.
 */
export const auditRefusedUpload: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const user = c.get('user');
  if (!user || !c.error) return;
  const seen = seenByRequest.get(c.req.raw) ?? uploadSeen();
  try {
    await audit(c.get('deps').db, {
      actor: user.username,
      action: 'refuse',
      entity: 'upload',
      after: {
        fileName: seen.fileName,
        size: seen.bytes,
        kind: seen.fields.kind ?? null,
        status: c.res.status,
        reason: c.error.message,
      },
    });
  } catch (e) {
    // The refusal stands as answered; only its record is missing, and the log says so.
    console.error('cannot audit a refused upload:', e);
  }
};
