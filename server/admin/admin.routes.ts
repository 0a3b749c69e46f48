import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditResponse } from '../../schemas/audit.ts';
import type { SettingsResponse } from '../../schemas/settings.ts';
import {
  newUserRequest,
  type UserResponse,
  type UsersResponse,
  userLimitRequest,
} from '../../schemas/users.ts';
import { listAuditEntries } from '../audit/audit.repository.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { readSettings, writeSetting } from '../settings/settings.repository.ts';
import { listUsers, userRowToView } from '../users/users.repository.ts';
import { createUser, setHeadLimit } from '../users/users.service.ts';
import { validate } from '../validate.ts';

const userParam = z.object({ id: z.coerce.number().int().positive() });

const auditQuery = z.object({
  entity: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const adminRoutes = new Hono<AppEnv>()
  .get('/users', allow('users.read'), async (c) => {
    const rows = await listUsers(c.get('deps').db);
    const body: UsersResponse = { users: rows.map(userRowToView) };
    return c.json(body);
  })
  .post('/users', allow('users.manage'), validate('json', newUserRequest), async (c) => {
    const row = await createUser(c.get('deps').db, c.req.valid('json'), c.get('user')?.username ?? 'unknown');
    const body: UserResponse = { user: userRowToView(row) };
    return c.json(body, 201);
  })
  .put(
    '/users/:id/limit',
    allow('users.manage'),
    validate('param', userParam),
    validate('json', userLimitRequest),
    async (c) => {
      const row = await setHeadLimit(
        c.get('deps').db,
        c.req.valid('param').id,
        c.req.valid('json'),
        c.get('user')?.username ?? 'unknown',
      );
      const body: UserResponse = { user: userRowToView(row) };
      return c.json(body);
    },
  )
  .get('/settings', allow('settings.read'), async (c) => {
    const body: SettingsResponse = { settings: await readSettings(c.get('deps').db) };
    return c.json(body);
  })
  .put(
    '/settings/:key',
    allow('settings.edit'),
    validate('json', z.object({ value: z.unknown() })),
    async (c) => {
      const settings = await writeSetting(
        c.get('deps').db,
        c.req.param('key'),
        c.req.valid('json').value,
        c.get('user')?.username ?? 'unknown',
      );
      const body: SettingsResponse = { settings };
      return c.json(body);
    },
  )
  .get('/audit', allow('audit.read'), validate('query', auditQuery), async (c) => {
    const body: AuditResponse = { entries: await listAuditEntries(c.get('deps').db, c.req.valid('query')) };
    return c.json(body);
  });
