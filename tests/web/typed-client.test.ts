import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TeamsResponse } from '../../schemas/activity.ts';
import type { MeResponse } from '../../schemas/auth.ts';
import type { SummaryResponse } from '../../schemas/dashboard.ts';
import type { FormResponse, FormsResponse } from '../../schemas/forms.ts';
import type { ScorecardResponse } from '../../schemas/scorecard.ts';
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
