import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { answerProblems, scoreAnswers } from '../../core/form-score.ts';
import type { FormResponse, FormsResponse, ScoreResult } from '../../schemas/forms.ts';
import { newFormRequest, scoreRequest, updateFormRequest } from '../../schemas/forms.ts';
import { allow } from '../auth/access.ts';
import { currentUser } from '../auth/current-user.ts';
import { autoEvaluationCount } from '../autoqa/auto-evaluations.ts';
import type { AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { definitionOf, findForm } from './forms.repository.ts';
import { archiveForm, createForm, getForm, listForms, updateForm } from './forms.service.ts';

const idParam = z.object({
  id: z.coerce.number({ error: 'must be a form id' }).int().positive('must be a form id'),
});
const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
const listQuery = z.object({ includeArchived: flag, allVersions: flag });

/** Forms are read by everyone who meets them (operators see how they are evaluated); QA leads build them. */
export const formsRoutes = new Hono<AppEnv>()
  .get('/', allow('forms.read'), validate('query', listQuery), async (c) => {
    const body: FormsResponse = { forms: await listForms(c.get('deps').db, c.req.valid('query')) };
    return c.json(body);
  })
  .post('/', allow('forms.create'), validate('json', newFormRequest), async (c) => {
    const form = await createForm(c.get('deps').db, c.req.valid('json'), currentUser(c).username);
    const body: FormResponse = { form };
    return c.json(body, 201);
  })
  .get('/:id', allow('forms.read'), validate('param', idParam), async (c) => {
    const body: FormResponse = { form: await getForm(c.get('deps').db, c.req.valid('param').id) };
    return c.json(body);
  })
  .put(
    '/:id',
    allow('forms.edit'),
    validate('param', idParam),
    validate('json', updateFormRequest),
    async (c) => {
      const deps = c.get('deps');
      const id = c.req.valid('param').id;
      const form = await updateForm(deps.db, id, c.req.valid('json'), currentUser(c).username, {
        autoEvaluations: await autoEvaluationCount(deps, id),
      });
      const body: FormResponse = { form };
      return c.json(body);
    },
  )
  .post('/:id/archive', allow('forms.archive'), validate('param', idParam), async (c) => {
    const form = await archiveForm(c.get('deps').db, c.req.valid('param').id, currentUser(c).username);
    const body: FormResponse = { form };
    return c.json(body);
  })
  // A preview of what answers would score, with the same function submission uses.
  .post(
    '/:id/score',
    allow('forms.read'),
    validate('param', idParam),
    validate('json', scoreRequest),
    async (c) => {
      const id = c.req.valid('param').id;
      const row = await findForm(c.get('deps').db, id);
      if (!row) throw new AppError('not_found', `no form ${id}`);
      const definition = definitionOf(row);
      const { answers } = c.req.valid('json');
      const problems = answerProblems(definition, answers, false);
      if (problems.length) throw new AppError('bad_request', `invalid answers: ${problems.join('; ')}`);
      const body: ScoreResult = scoreAnswers(definition, answers);
      return c.json(body);
    },
  );
