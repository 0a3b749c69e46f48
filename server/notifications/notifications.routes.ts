import { Hono } from 'hono';
import { z } from 'zod';
import {
  type EmailPreferenceResponse,
  emailPreferenceRequest,
  type NotificationListResponse,
  notificationsQuery,
  type SmtpResponse,
  smtpRequest,
  type UnreadCountResponse,
  type UserEmailsResponse,
} from '../../schemas/notifications.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import {
  deleteSmtp,
  emailPreference,
  listNotifications,
  markAllRead,
  markRead,
  readSmtp,
  setEmailPreference,
  unreadCount,
  userEmails,
  writeSmtp,
} from './notifications.service.ts';

const idParam = z.object({ id: z.coerce.number().int().positive() });

/**
 * Each user's own notifications and e-mail preference (every role; keyed by the signed-in user,
 * never by a parameter), and the administrator's SMTP server and users' addresses.
 */
export const notificationsRoutes = new Hono<AppEnv>()
  .get('/', allow('notifications.own'), validate('query', notificationsQuery), async (c) => {
    const body: NotificationListResponse = await listNotifications(
      c.get('deps').db,
      currentUser(c).username,
      c.req.valid('query').limit,
    );
    return c.json(body);
  })
  .get('/unread', allow('notifications.own'), async (c) => {
    const body: UnreadCountResponse = {
      unread: await unreadCount(c.get('deps').db, currentUser(c).username),
    };
    return c.json(body);
  })
  .post('/read-all', allow('notifications.own'), async (c) => {
    await markAllRead(c.get('deps').db, currentUser(c).username);
    const body: UnreadCountResponse = { unread: 0 };
    return c.json(body);
  })
  .post('/:id/read', allow('notifications.own'), validate('param', idParam), async (c) => {
    const { db } = c.get('deps');
    const username = currentUser(c).username;
    await markRead(db, username, c.req.valid('param').id);
    const body: UnreadCountResponse = { unread: await unreadCount(db, username) };
    return c.json(body);
  })
  .get('/email', allow('notifications.own'), async (c) => {
    const body: EmailPreferenceResponse = await emailPreference(c.get('deps').db, currentUser(c).id);
    return c.json(body);
  })
  .put('/email', allow('notifications.own'), validate('json', emailPreferenceRequest), async (c) => {
    const user = currentUser(c);
    const body: EmailPreferenceResponse = await setEmailPreference(
      c.get('deps').db,
      user.id,
      c.req.valid('json'),
      user.username,
    );
    return c.json(body);
  })
  .get('/users', allow('notifications.smtp'), async (c) => {
    const body: UserEmailsResponse = { users: await userEmails(c.get('deps').db) };
    return c.json(body);
  })
  .get('/users/:id/email', allow('notifications.smtp'), validate('param', idParam), async (c) => {
    const body: EmailPreferenceResponse = await emailPreference(c.get('deps').db, c.req.valid('param').id);
    return c.json(body);
  })
  .put(
    '/users/:id/email',
    allow('notifications.smtp'),
    validate('param', idParam),
    validate('json', emailPreferenceRequest),
    async (c) => {
      const body: EmailPreferenceResponse = await setEmailPreference(
        c.get('deps').db,
        c.req.valid('param').id,
        c.req.valid('json'),
        currentUser(c).username,
      );
      return c.json(body);
    },
  )
  .get('/smtp', allow('notifications.smtp'), async (c) => {
    const body: SmtpResponse = { smtp: await readSmtp(c.get('deps').db) };
    return c.json(body);
  })
  .put('/smtp', allow('notifications.smtp'), validate('json', smtpRequest), async (c) => {
    const body: SmtpResponse = {
      smtp: await writeSmtp(c.get('deps').db, c.req.valid('json'), currentUser(c).username),
    };
    return c.json(body);
  })
  .delete('/smtp', allow('notifications.smtp'), async (c) => {
    await deleteSmtp(c.get('deps').db, currentUser(c).username);
    const body: SmtpResponse = { smtp: null };
    return c.json(body);
  });
