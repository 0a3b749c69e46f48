import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A folder served over HTTP with byte ranges, as object storage serves a bucket's objects:
 * `http://127.0.0.1:<port>/<bucket>/<key>` is `<root>/<key>`. Enough for ClickHouse's s3().
 */
export async function serveFolder(
  root: string,
  bucket: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const key = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(bucket.length + 2);
    const file = path.join(root, key);
    let size: number;
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(range ? 206 : 200, {
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${bucket}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
