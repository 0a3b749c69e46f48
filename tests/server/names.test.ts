import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamesResponse } from '../../schemas/names.ts';
import { createUser } from '../../server/users/users.service.ts';
import { type As, as, json } from '../helpers/qa.ts';
import { loadSmall, type TestEnv, testEnv } from '../helpers/runtime.ts';

let env: TestEnv;
let lead: As;
let ana: As; // OP-1, team T1
beforeAll(async () => {
  env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  await createUser(
    env.rt.db,
    {
      username: 'qa.vbotnari',
      displayName: 'Victoria Botnari',
      role: 'qa',
      operatorId: null,
      password: 'pw-vb-secret',
    },
    'test',
  );
  await createUser(
    env.rt.db,
    {
      username: 'maria',
      displayName: 'Maria Ceban',
      role: 'operator',
      operatorId: 'OP-3',
      password: 'pw-mc-secret',
    },
    'test',
  );
  lead = await as(env, 'natalia', 'qa_lead');
  ana = await as(env, 'ana', 'operator', 'OP-1');
});
afterAll(() => env.dispose());

describe('GET /api/names', () => {
  it('gives a user who sees everyone the names of users, operators and teams', async () => {
    const r = await json<NamesResponse>(lead.get('/api/names'));
    expect(r.status).toBe(200);
    expect(r.body.users['qa.vbotnari']).toBe('Victoria Botnari');
    expect(r.body.operators).toMatchObject({
      'OP-1': 'Ana Rusu',
      'OP-2': 'Ivan Petrov',
      'OP-3': 'Maria Ceban',
    });
    expect(r.body.teams).toEqual({ T1: 'Order desk', T2: 'Care' });
  });

  it('gives an operator only what his scope holds: himself, his team, and users not linked to others', async () => {
    const r = await json<NamesResponse>(ana.get('/api/names'));
    expect(r.status).toBe(200);
    expect(r.body.operators).toEqual({ 'OP-1': 'Ana Rusu' });
    expect(r.body.teams).toEqual({ T1: 'Order desk' });
    expect(r.body.users['qa.vbotnari']).toBe('Victoria Botnari');
    expect(r.body.users).not.toHaveProperty('maria');
    expect(JSON.stringify(r.body)).not.toContain('Maria Ceban');
  });

  it('answers 401 to nobody signed in', async () => {
    expect((await env.app.request('/api/names')).status).toBe(401);
  });
});
