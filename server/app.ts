import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../core/errors.ts';
import type { ErrorBody, HealthResponse } from '../schemas/api.ts';
import { isWriteConflict } from '../stores/dialect.ts';
import { activityRoutes } from './activity/activity.routes.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { assessmentsRoutes } from './assessments/assessments.routes.ts';
import { allowPublic, policyOf } from './auth/access.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { sessionMiddleware } from './auth/session.middleware.ts';
import { autoqaRoutes } from './autoqa/autoqa.routes.ts';
import { calibrationRoutes } from './calibration/calibration.routes.ts';
import { callsRoutes } from './calls/calls.routes.ts';
import { claimsRoutes } from './claims/claims.routes.ts';
import { coachingRoutes } from './coaching/coaching.routes.ts';
import type { AppEnv, Deps } from './context.ts';
import { dashboardRoutes } from './dashboard/dashboard.routes.ts';
import { errorHeaders, httpStatus } from './errors.ts';
import { evaluationsRoutes } from './evaluations/evaluations.routes.ts';
import { formsRoutes } from './forms/forms.routes.ts';
import { gradersRoutes } from './graders/graders.routes.ts';
import { importsRoutes } from './imports/imports.routes.ts';
import { liveRoutes } from './live/live.routes.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { payrollRoutes } from './payroll/payroll.routes.ts';
import { plansRoutes } from './plans/plans.routes.ts';
import { namesRoutes } from './roster/names.routes.ts';
import { samplingRoutes } from './sampling/sampling.routes.ts';
import { scorecardsRoutes } from './scorecards/scorecards.routes.ts';
import { payRulesRoutes } from './scoring/pay-rules.routes.ts';
import { selfEvaluationsRoutes } from './self-evaluations/self-evaluations.routes.ts';
import { transcribeRoutes } from './transcribe/transcribe.routes.ts';
import { monitorsRoutes } from './users/monitors.routes.ts';

const api = new Hono<AppEnv>()
  .get('/health', allowPublic(), async (c) => {
    const { db, analytics } = c.get('deps');
    // Touch both stores so a health check fails when either is unusable.
    await db.selectFrom('settings').select('key').limit(1).execute();
    await analytics.rows('SELECT 1');
    const body: HealthResponse = {
      status: 'ok',
      version: c.get('deps').version,
      stores: { duckdb: 'ok', sqlite: 'ok' },
    };
    return c.json(body);
  })
  .route('/auth', authRoutes)
  .route('/', activityRoutes)
  .route('/admin', adminRoutes)
  .route('/imports', importsRoutes)
  .route('/', scorecardsRoutes)
  .route('/', dashboardRoutes)
  .route('/pay-periods', payrollRoutes)
  .route('/pay-rules', payRulesRoutes)
  .route('/forms', formsRoutes)
  .route('/evaluations', evaluationsRoutes)
  .route('/calls', callsRoutes)
  .route('/calibrations', calibrationRoutes)
  .route('/monitors', monitorsRoutes)
  .route('/claims', claimsRoutes)
  .route('/assessments', assessmentsRoutes)
  .route('/plans', plansRoutes)
  .route('/names', namesRoutes)
  .route('/autoqa', autoqaRoutes)
  .route('/live', liveRoutes)
  .route('/qa/graders', gradersRoutes)
  .route('/qa/sampling-rules', samplingRoutes)
  .route('/transcribe', transcribeRoutes)
  .route('/coaching', coachingRoutes)
  .route('/self-evaluations', selfEvaluationsRoutes)
  .route('/notifications', notificationsRoutes);

export type ApiType = typeof api;

/** Refuses to build an app with an API route that does not say who may use it. */
function assertEveryRouteGuarded(app: Hono<AppEnv>) {
  const groups = new Map<string, boolean>();
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue;
    const key = `${r.method} ${r.path}`;
    groups.set(key, (groups.get(key) ?? false) || policyOf(r.handler) !== undefined);
  }
  const unguarded = [...groups].filter(([, guarded]) => !guarded).map(([k]) => k);
  if (unguarded.length) throw new Error(`API routes without an access policy: ${unguarded.join(', ')}`);
  return [...groups.keys()];
}

function errorBody(code: ErrorBody['error']['code'], message: string): ErrorBody {
  return { error: { code, message } };
}

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    secureHeaders({
      crossOriginEmbedderPolicy: false,
      // Scripts only from our own files. Styles may be inline: the recording player draws in a
      // shadow root with <style> elements of its own. A recording stored as a URL is played from
      // its host, so media and fetches may reach https hosts.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:', 'https:'],
        connectSrc: ["'self'", 'https:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('/api/*', sessionMiddleware);
  app.route('/api', api);

  app.onError((err, c) => {
    if (err instanceof AppError) {
      for (const [k, v] of Object.entries(errorHeaders(err))) c.header(k, v);
      return c.json(err.toJSON(), httpStatus(err.code));
    }
    if (isWriteConflict(err)) {
      // Two writers at once on the same record: the store kept the first; the second is told.
      return c.json(
        errorBody('conflict', 'another change to the same record came first; reload and try again'),
        409,
      );
    }
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : 'bad_request';
      return c.json(errorBody(code, err.message || 'bad request'), status >= 500 ? 400 : status);
    }
    console.error(err);
    return c.json(errorBody('internal', 'internal error; the server log has the details'), 500);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api' || !deps.webDir) {
      return c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404);
    }
    // Client-side routes: every other GET gets the single-page app.
    const index = path.join(deps.webDir, 'index.html');
    if (c.req.method === 'GET' && existsSync(index)) return c.html(readFileSync(index, 'utf8'));
    return c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404);
  });

  if (deps.webDir) {
    const root = path.relative(process.cwd(), deps.webDir) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      // File names carry a content hash, so they can be cached for good.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The build writes .br and .gz beside each file (web/build/precompress.ts): sent as they are.
    app.use('*', serveStatic({ root, precompressed: true }));
  }

  assertEveryRouteGuarded(app);
  return app;
}

export { assertEveryRouteGuarded };
