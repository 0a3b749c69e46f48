import { Hono } from 'hono';
import type { LiveQueuesResponse } from '../../schemas/live.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { liveQueues } from './live.service.ts';

export const liveRoutes = new Hono<AppEnv>()
  // Never cached: the figures move with every batch of a live feed.
  .get('/queues', allow('live.read'), async (c) => {
    const body: LiveQueuesResponse = await liveQueues(c.get('deps'), c.get('settings'), c.get('scope'));
    c.header('Cache-Control', 'no-store');
    return c.json(body);
  });
