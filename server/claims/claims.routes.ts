import { Hono } from 'hono';
import { z } from 'zod';
import {
  type ClaimResponse,
  type ClaimsResponse,
  claimDecisionRequest,
  claimsQuery,
  newClaimRequest,
} from '../../schemas/claims.ts';
import { allow } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { decideClaim, getClaim, listClaims, registerClaim } from './claims.service.ts';

const claimParam = z.object({ claimId: z.string().trim().min(1).max(200) });
const actor = (c: { get(k: 'user'): { username: string } | null }) => c.get('user')?.username ?? 'unknown';

/** Heads register and judge claims; payroll and QA leads read them; an operator reads his own. */
export const claimsRoutes = new Hono<AppEnv>()
  .get('/', allow('claims.read'), validate('query', claimsQuery), async (c) => {
    const body: ClaimsResponse = {
      claims: await listClaims(
        c.get('deps').db,
        c.req.valid('query'),
        c.get('scope'),
        c.get('settings').timeZone,
      ),
    };
    return c.json(body);
  })
  .get('/:claimId', allow('claims.read'), validate('param', claimParam), async (c) => {
    const body: ClaimResponse = {
      claim: await getClaim(c.get('deps').db, c.req.valid('param').claimId, c.get('scope')),
    };
    return c.json(body);
  })
  .post('/', allow('claims.create'), validate('json', newClaimRequest), async (c) => {
    const body: ClaimResponse = {
      claim: await registerClaim(c.get('deps').db, c.req.valid('json'), c.get('scope'), actor(c)),
    };
    return c.json(body, 201);
  })
  .post(
    '/:claimId/decision',
    allow('claims.decide'),
    validate('param', claimParam),
    validate('json', claimDecisionRequest),
    async (c) => {
      const body: ClaimResponse = {
        claim: await decideClaim(
          c.get('deps').db,
          c.req.valid('param').claimId,
          c.req.valid('json'),
          c.get('scope'),
          actor(c),
        ),
      };
      return c.json(body);
    },
  );
