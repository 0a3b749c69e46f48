import { Hono } from 'hono';
import type { NamesResponse } from '../../schemas/names.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { namesInScope } from './names.repository.ts';

export const namesRoutes = new Hono<AppEnv>().get('/', allow('roster.read'), async (c) => {
  const body: NamesResponse = await namesInScope(c.get('deps').db, c.get('scope').operatorIds);
  return c.json(body);
});
