import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import {
  type AccuracyResponse,
  type AutoqaResultsResponse,
  type AutoqaRunResponse,
  accuracyQuery,
  autoqaRunQuery,
  type CallAutoqaResponse,
  type RuleSetResponse,
  ruleSetRequest,
} from '../../schemas/autoqa.ts';
import type { AutoqaJobResponse } from '../../schemas/autoqa-job.ts';
import { type PassRatesResponse, passRatesQuery } from '../../schemas/autoqa-pass-rates.ts';
import { type RuleTestResponse, ruleTestRequest } from '../../schemas/autoqa-test.ts';
import { type RuleSetVersionsResponse, versionParam } from '../../schemas/autoqa-versions.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import { inScope } from '../auth/scope.ts';
import { cached } from '../cache.ts';
import { visibleCall } from '../calls/calls.service.ts';
import type { AppEnv } from '../context.ts';
import { refuseInLakeMode } from '../lake/lake-mode.ts';
import { validate } from '../validate.ts';
import { autoqaAccuracy } from './accuracy.ts';
import { autoqaRows, callAutoqa, runAutoqaAudited } from './autoqa.service.ts';
import { passRates } from './pass-rates.service.ts';
import { testRules } from './rule-test.ts';
import { ruleSetRow, ruleSetRowToView, ruleSetVersionRows } from './rules.repository.ts';
import { currentRuleSet, saveRuleSet } from './rules.service.ts';

const idParam = z.object({ id: z.string().trim().min(1).max(200) });

export const autoqaRoutes = new Hono<AppEnv>()
  // Checks the period's transcribed calls not yet checked under the rule set in force.
  .post('/run', allow('autoqa.run'), validate('query', autoqaRunQuery), async (c) => {
    refuseInLakeMode(c.get('deps'), 'AutoQA runs');
    const body: AutoqaRunResponse = await runAutoqaAudited(
      c.get('deps'),
      c.req.valid('query').period,
      currentUser(c).username,
    );
    return c.json(body);
  })
  .get('/results', allow('autoqa.read'), validate('query', autoqaRunQuery), async (c) => {
    const scope = c.get('scope');
    const rows = await autoqaRows(c.get('deps'), c.req.valid('query').period);
    const body: AutoqaResultsResponse = { calls: rows.filter((r) => inScope(scope, r.operatorId)) };
    return c.json(body);
  })
  // Each check's pass rate for the selection, per team and per operator, within the caller's scope.
  .get('/pass-rates', allow('autoqa.read'), validate('query', passRatesQuery), async (c) => {
    const q = c.req.valid('query');
    const scope = c.get('scope');
    // A grouping over the month's results (seconds for a million calls): kept while the data
    // (an AutoQA run, an import, a rule-set edit all move its version) is unchanged.
    const key = `autoqa-pass-rates|${JSON.stringify([q, scope.operatorIds])}`;
    const body: PassRatesResponse = await cached(c.get('deps').analytics, key, () =>
      passRates(c.get('deps'), q, scope),
    );
    return c.json(body);
  })
  .get('/calls/:id', allow('autoqa.read'), validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    await visibleCall(deps.analytics, id, c.get('scope'));
    const body: CallAutoqaResponse = await callAutoqa(deps, id);
    return c.json(body);
  })
  // AutoQA against the monitors' counted evaluations of the month, the caller's operators only.
  .get('/accuracy', allow('autoqa.accuracy'), validate('query', accuracyQuery), async (c) => {
    const body: AccuracyResponse = await autoqaAccuracy(
      c.get('deps'),
      c.req.valid('query').period,
      c.get('scope'),
    );
    return c.json(body);
  })
  .get('/rules', allow('autoqa.rules.read'), async (c) => {
    const body: RuleSetResponse = { ruleSet: await currentRuleSet(c.get('deps').db) };
    return c.json(body);
  })
  // Editing the rules is the QA lead's: every edit is a new version, audited.
  .put('/rules', allow('autoqa.rules.edit'), validate('json', ruleSetRequest), async (c) => {
    const deps = c.get('deps');
    const ruleSet = await saveRuleSet(deps.db, c.req.valid('json').checks, currentUser(c).username);
    // Every call is due under the new version: the background job checks them, newest month first.
    deps.autoqa.kick();
    const body: RuleSetResponse = { ruleSet };
    return c.json(body);
  })
  .get('/rules/versions', allow('autoqa.rules.read'), async (c) => {
    const rows = await ruleSetVersionRows(c.get('deps').db);
    const body: RuleSetVersionsResponse = {
      versions: rows.map((r) => ({
        version: r.version,
        createdAt: r.created_at,
        createdBy: r.created_by,
        checks: (JSON.parse(r.checks) as unknown[]).length,
      })),
    };
    return c.json(body);
  })
  .get('/rules/versions/:version', allow('autoqa.rules.read'), validate('param', versionParam), async (c) => {
    const { version } = c.req.valid('param');
    const row = await ruleSetRow(c.get('deps').db, version);
    if (!row) throw new AppError('not_found', `no rule-set version ${version}`);
    const body: RuleSetResponse = { ruleSet: ruleSetRowToView(row) };
    return c.json(body);
  })
  // A draft rule set on one transcript, with the real checks; nothing is stored.
  .post('/rules/test', allow('autoqa.rules.test'), validate('json', ruleTestRequest), async (c) => {
    const { checks, source } = c.req.valid('json');
    const body: RuleTestResponse = await testRules(
      c.get('deps'),
      checks,
      source,
      c.get('scope'),
      currentUser(c).username,
    );
    return c.json(body);
  })
  .get('/job', allow('autoqa.job.read'), (c) => {
    const body: AutoqaJobResponse = { job: c.get('deps').autoqa.status() };
    return c.json(body);
  });
