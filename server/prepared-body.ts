import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';
import { dataVersion } from '../stores/data-version.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

type Bytes = Buffer<ArrayBuffer>;

/**
 * A response body made once and sent many times: as it is, gzipped and brotli-compressed, with
 * an ETag. Kept in the cache beside the figures it comes from, so a request only picks one.
 */
export interface PreparedBody {
  contentType: string;
  raw: Bytes;
  gzip: Bytes;
  /** Brotli at a fast quality at first; brotli's best once `best` has settled. */
  br: Bytes;
  /** Weak, as the encodings are the same content: a hash of the raw body. */
  etag: string;
  /** Settles when `br` holds brotli's best. */
  best: Promise<void>;
}

/** The best-quality brotli runs, one after another. */
let background: Promise<void> = Promise.resolve();

const brotli = (raw: Bytes, quality: number) =>
  brotliAsync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }) as Promise<Bytes>;

/**
 * Compresses off the event loop, in zlib's thread pool. gzip at level 9 and brotli at quality 5
 * take milliseconds (18 ms and 11 ms for the ranking's 1.4 MB of JSON at the design point), so
 * the first answer is not kept waiting. Brotli's best quality, 11, makes the body a fifth to a
 * third smaller again but costs far more (0.15 s for the ranking's Arrow body, over 2 s for its
 * JSON): it runs in the background, one body at a time so it never holds more than one of the
 * pool's threads, and replaces the quick brotli body when done, unless the data has changed by
 * then. The weak ETag is the same for both, as it is for every encoding.
 */
export async function prepareBody(raw: Bytes, contentType: string): Promise<PreparedBody> {
  const [gz, br] = await Promise.all([gzipAsync(raw, { level: 9 }) as Promise<Bytes>, brotli(raw, 5)]);
  const etag = `W/"${createHash('sha256').update(raw).digest('base64url').slice(0, 32)}"`;
  const body: PreparedBody = { contentType, raw, gzip: gz, br, etag, best: Promise.resolve() };
  const version = dataVersion();
  body.best = background = background
    // A body the data has moved past is not sent again: it is not worth the time.
    .then(() => (dataVersion() === version ? brotli(raw, 11) : null))
    .then(
      (best) => {
        if (best && best.length < body.br.length) body.br = best;
      },
      // The quick body stays: it is correct, only bigger.
      () => {},
    );
  return body;
}

export type Coding = 'br' | 'gzip' | 'identity';

/**
 * The encoding to send for an Accept-Encoding header: brotli when it is accepted, else gzip, else
 * none. A coding listed with q=0 is refused; `*` stands for any coding not listed.
 */
export function pickEncoding(header: string | undefined): Coding {
  if (!header) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';');
    const coding = name?.trim().toLowerCase();
    if (!coding) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(coding, q);
  }
  const accepted = (coding: string) => (weights.get(coding) ?? weights.get('*') ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip') || (weights.get('x-gzip') ?? 0) > 0) return 'gzip';
  return 'identity';
}

/** Does an If-None-Match header name this ETag (weak comparison, as for GET)? */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === mine);
}

/**
 * Sends a prepared body in the encoding the client accepts, or 304 Not Modified when the client
 * already holds it. `vary` names the request headers, besides Accept-Encoding, that choose the body.
 */
export function sendPrepared(c: Context, body: PreparedBody, vary: string): Response {
  const headers: Record<string, string> = {
    ETag: body.etag,
    Vary: `${vary}, Accept-Encoding`,
    // The body depends on who asks; the browser may keep it, and asks each time whether it changed.
    'Cache-Control': 'private, no-cache',
  };
  if (etagMatches(c.req.header('if-none-match'), body.etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = body.contentType;
  const coding = pickEncoding(c.req.header('accept-encoding'));
  if (coding !== 'identity') headers['Content-Encoding'] = coding;
  return c.body(coding === 'br' ? body.br : coding === 'gzip' ? body.gzip : body.raw, 200, headers);
}
