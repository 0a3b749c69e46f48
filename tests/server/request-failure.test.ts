import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => env.dispose());

it('a handler that fails unforeseen is a 500 for that request alone, logged', async () => {
  const app = createApp(env.rt);
  // Added after the guard check on purpose: only this test's app has it.
  app.get('/api/failing', async () => {
    await new Promise((r) => setTimeout(r, 10));
    throw new Error('a store went away');
  });
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const [failing, health] = await Promise.all([app.request('/api/failing'), app.request('/api/health')]);
    expect(failing.status).toBe(500);
    expect(await failing.json()).toEqual({
      error: { code: 'internal', message: 'internal error; the server log has the details' },
    });
    expect(health.status).toBe(200);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'a store went away' }));
  } finally {
    log.mockRestore();
  }
});
