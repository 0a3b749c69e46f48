import { createApp } from '/work/main/server/app.ts';
import { openDataDir } from '/work/main/server/runtime.ts';

const rt = await openDataDir('/tmp/scorebench', { webDir: null });
const app = createApp(rt);
const login = await app.request('/api/auth/login', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
await new Promise((r) => setTimeout(r, 200));
await (await app.request('/api/scorecards/OP-0042?period=2026-10', { headers: { cookie } })).text();
for (const url of [
  '/api/health',
  '/api/auth/me',
  '/api/scorecards/OP-0042?period=2026-10',
  '/api/ranking?period=2026-10',
]) {
  const t = performance.now();
  for (let i = 0; i < 100; i++) {
    const r = await app.request(url, { headers: { cookie } });
    await r.text();
  }
  console.log(url, ((performance.now() - t) / 100).toFixed(2), 'ms/req');
}
await rt.close();
