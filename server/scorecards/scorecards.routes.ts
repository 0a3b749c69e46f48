import { Hono } from 'hono';
import { rangeQuery } from '../../schemas/api.ts';
import { type ScorecardResponse, scorecardsQuery } from '../../schemas/scorecard.ts';
import { allow, allowOwn } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { AppError } from '../errors.ts';
import { contactKpis } from '../scoring/contact-kpis.ts';
import { validate } from '../validate.ts';
import { scorecards } from './scorecards.service.ts';

/** Who reads scorecards: the people who act on pay, and an operator on his own. */
const READERS = ['admin', 'head', 'payroll', 'operator'] as const;

export const scorecardsRoutes = new Hono<AppEnv>()
  .get('/scorecards', allow(...READERS), validate('query', scorecardsQuery), async (c) => {
    const body = await scorecards(c.get('deps'), c.req.valid('query'), c.get('settings'), c.get('scope'));
    return c.json(body);
  })
  .get(
    '/scorecards/:operatorId',
    allowOwn('operatorId', ...READERS),
    validate('query', scorecardsQuery),
    async (c) => {
      const id = c.req.param('operatorId');
      const all = await scorecards(c.get('deps'), c.req.valid('query'), c.get('settings'), {
        operatorIds: [id],
      });
      const operator = all.operators[0];
      if (!operator) throw new AppError('not_found', `no operator "${id}"`);
      const body: ScorecardResponse = { range: all.range, period: all.period, source: all.source, operator };
      return c.json(body);
    },
  )
  .get(
    '/kpis',
    allow('admin', 'head', 'qa_lead', 'qa', 'payroll'),
    validate('query', rangeQuery),
    async (c) => {
      const range = c.req.valid('query');
      return c.json(await contactKpis(c.get('deps'), range, c.get('settings')));
    },
  );
