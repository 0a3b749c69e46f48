import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { precompress } from '../../web/build/precompress.ts';
import { tempDir } from '../helpers/runtime.ts';

let dir: string;
let rt: Runtime;
let app: ReturnType<typeof createApp>;
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"row ${i}"`).join(', ')}];\n`;

beforeAll(async () => {
  dir = tempDir();
  const web = path.join(dir, 'dist');
  mkdirSync(path.join(web, 'assets'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>callscore</title>');
  writeFileSync(path.join(web, 'assets', 'app-abc123.js'), script);
  // The build's own step, on this folder.
  const plugin = precompress() as unknown as {
    configResolved(c: { root: string; build: { outDir: string } }): void;
    closeBundle(): void;
  };
  plugin.configResolved({ root: dir, build: { outDir: 'dist' } });
  plugin.closeBundle();
  rt = await openDataDir(path.join(dir, 'data'), { webDir: web });
  app = createApp(rt);
});
afterAll(async () => {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web app’s files', () => {
  it('are written compressed by the build, beside each text file worth it', () => {
    const file = path.join(dir, 'dist', 'assets', 'app-abc123.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    // a file of a few bytes is sent as it is
    expect(() => readFileSync(path.join(dir, 'dist', 'index.html.br'))).toThrow();
  });

  it('are sent brotli- or gzip-compressed to a browser that accepts it, as they are otherwise', async () => {
    const get = (encoding: string | null) =>
      app.request('/assets/app-abc123.js', { headers: encoding ? { 'accept-encoding': encoding } : {} });
    const br = await get('gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(script);
    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get(null);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });
});
