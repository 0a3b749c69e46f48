import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TeamsResponse } from '../../schemas/activity.ts';
import type { LogoutResponse, MeResponse } from '../../schemas/auth.ts';
import type { ClaimResponse, ClaimsResponse } from '../../schemas/claims.ts';
import type {
  OperatorAssessmentsResponse,
  OperatorClaimsResponse,
  OperatorOrdersResponse,
  OperatorTrendResponse,
  SummaryResponse,
} from '../../schemas/dashboard.ts';
import type { FormResponse, FormsResponse } from '../../schemas/forms.ts';
import type { ImportDetailResponse, ImportsResponse } from '../../schemas/imports.ts';
import type { PayRulesResponse } from '../../schemas/pay-rule.ts';
import type { PlanSavedResponse, PlansResponse } from '../../schemas/plans.ts';
import type { KpisResponse, PayPeriodResponse, ScorecardResponse } from '../../schemas/scorecard.ts';
import type { SettingsResponse } from '../../schemas/settings.ts';
import type { api, Ok } from '../../web/src/api/client.ts';

/** What `call()` answers for a route of the typed client: the body its handler declares. */
type Answer<F extends (...args: never[]) => Promise<unknown>> = Ok<Awaited<ReturnType<F>>>;

describe('the typed client', () => {
  it('answers each route with the envelope its handler declares in schemas/', () => {
    expectTypeOf<Answer<typeof api.auth.me.$get>>().toEqualTypeOf<MeResponse>();
    expectTypeOf<Answer<typeof api.teams.$get>>().toEqualTypeOf<TeamsResponse>();
    expectTypeOf<Answer<typeof api.forms.$get>>().toEqualTypeOf<FormsResponse>();
    expectTypeOf<Answer<(typeof api.forms)[':id']['$get']>>().toEqualTypeOf<FormResponse>();
    expectTypeOf<Answer<(typeof api.scorecards)[':operatorId']['$get']>>().toEqualTypeOf<ScorecardResponse>();
    expectTypeOf<Answer<typeof api.dashboard.summary.$get>>().toEqualTypeOf<SummaryResponse>();
  });

  it('answers the envelopes declared for claims, plans, pay, KPIs, the operator page, imports and admin', () => {
    expectTypeOf<Answer<typeof api.claims.$get>>().toEqualTypeOf<ClaimsResponse>();
    expectTypeOf<Answer<(typeof api.claims)[':claimId']['$get']>>().toEqualTypeOf<ClaimResponse>();
    expectTypeOf<Answer<typeof api.plans.$get>>().toEqualTypeOf<PlansResponse>();
    expectTypeOf<Answer<typeof api.plans.targets.$put>>().toEqualTypeOf<PlanSavedResponse>();
    expectTypeOf<Answer<(typeof api)['pay-rules']['$get']>>().toEqualTypeOf<PayRulesResponse>();
    expectTypeOf<Answer<(typeof api)['pay-periods'][':period']['$get']>>().toEqualTypeOf<PayPeriodResponse>();
    expectTypeOf<Answer<typeof api.kpis.$get>>().toEqualTypeOf<KpisResponse>();
    expectTypeOf<
      Answer<(typeof api.operators)[':operatorId']['trend']['$get']>
    >().toEqualTypeOf<OperatorTrendResponse>();
    expectTypeOf<
      Answer<(typeof api.operators)[':operatorId']['orders']['$get']>
    >().toEqualTypeOf<OperatorOrdersResponse>();
    expectTypeOf<
      Answer<(typeof api.operators)[':operatorId']['claims']['$get']>
    >().toEqualTypeOf<OperatorClaimsResponse>();
    expectTypeOf<
      Answer<(typeof api.operators)[':operatorId']['assessments']['$get']>
    >().toEqualTypeOf<OperatorAssessmentsResponse>();
    expectTypeOf<Answer<typeof api.imports.$get>>().toEqualTypeOf<ImportsResponse>();
    expectTypeOf<Answer<(typeof api.imports)[':id']['$get']>>().toEqualTypeOf<ImportDetailResponse>();
    expectTypeOf<Answer<typeof api.admin.settings.$get>>().toEqualTypeOf<SettingsResponse>();
    expectTypeOf<Answer<typeof api.auth.logout.$post>>().toEqualTypeOf<LogoutResponse>();
  });

  it('takes the path parameters, query and body the route validates', () => {
    expectTypeOf<Parameters<(typeof api.forms)[':id']['$get']>[0]>().toEqualTypeOf<{
      param: { id: string };
    }>();
  });

  it('leaves no caller-chosen answer type in the web app', () => {
    const root = path.join(import.meta.dirname, '../../web/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    const found = files.flatMap((f) =>
      readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .filter((line) => /\bapi\.(get|post|put|delete)</.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
