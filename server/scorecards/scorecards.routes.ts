import { Hono } from 'hono';
import { AppError } from '../../core/errors.ts';
import { rangeQuery } from '../../schemas/period.ts';
import { type KpisResponse, type ScorecardResponse, scorecardsQuery } from '../../schemas/scorecard.ts';
import { ARROW_STREAM, wantsArrow } from '../arrow.ts';
import { allow, allowOwn } from '../auth/access.ts';
import { cached } from '../cache.ts';
import type { AppEnv } from '../context.ts';
import { prepareBody, sendPrepared } from '../prepared-body.ts';
import { contactKpis } from '../scoring/contact-kpis.ts';
import { validate } from '../validate.ts';
import { rankingArrow, rankingRows } from './ranking.ts';
import { scorecards } from './scorecards.service.ts';

export const scorecardsRoutes = new Hono<AppEnv>()
  .get('/scorecards', allow('scorecards.read'), validate('query', scorecardsQuery), async (c) => {
    const body = await scorecards(c.get('deps'), c.req.valid('query'), c.get('settings'), c.get('scope'));
    return c.json(body);
  })
  // The ranking table: every operator's criteria and pay, flat, as JSON or Arrow IPC. The body is
  // kept ready, compressed, while the data is unchanged, so the big table answers fast under load.
  .get('/ranking', allow('scorecards.read'), validate('query', scorecardsQuery), async (c) => {
    const q = c.req.valid('query');
    const scope = c.get('scope');
    const arrow = wantsArrow(c.req.header('accept'));
    const key = `ranking|${JSON.stringify(q)}|${scope.operatorIds?.join(',') ?? '*'}|${arrow ? 'arrow' : 'json'}`;
    const body = await cached(c.get('deps').db, key, async () => {
      const result = await scorecards(c.get('deps'), q, c.get('settings'), scope);
      const rows = rankingRows(result.operators);
      const { operators: _all, ...meta } = result;
      return arrow
        ? prepareBody(Buffer.from(rankingArrow(rows)), ARROW_STREAM)
        : prepareBody(
            Buffer.from(JSON.stringify({ ...meta, operators: rows })),
            'application/json; charset=utf-8',
          );
    });
    return sendPrepared(c, body, 'Accept');
  })
  .get(
    '/scorecards/:operatorId',
    allowOwn('operatorId', 'scorecards.read'),
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
  .get('/kpis', allow('kpis.read'), validate('query', rangeQuery), async (c) => {
    const range = c.req.valid('query');
    const body: KpisResponse = await contactKpis(c.get('deps'), range, c.get('settings'), c.get('scope'));
    return c.json(body);
  });
