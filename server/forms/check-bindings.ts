import { boundQuestions } from '../../core/auto-answer.ts';
import { AppError } from '../../core/errors.ts';
import type { FormDefinition } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';
import { currentRuleSet } from '../autoqa/rules.service.ts';

/**
 * A question may only name a check of the AutoQA rule set in force: one it lacks would never be
 * answered, and the form would score calls on what is left without anyone noticing.
 */
export async function assertChecksExist(db: Db, def: FormDefinition): Promise<void> {
  const bound = boundQuestions(def);
  if (bound.length === 0) return;
  const ruleSet = await currentRuleSet(db);
  const known = new Set(ruleSet.checks.map((c) => c.key));
  const unknown = bound.filter((q) => !known.has(q.auto?.check ?? ''));
  if (unknown.length === 0) return;
  throw new AppError(
    'bad_request',
    unknown
      .map(
        (q) =>
          `question "${q.id}" names the check "${q.auto?.check}", which the AutoQA rule set in force (version ${ruleSet.version}) does not have`,
      )
      .join('; '),
  );
}
