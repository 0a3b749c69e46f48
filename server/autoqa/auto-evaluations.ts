import { LIST, VARCHAR } from '@duckdb/node-api';
import { autoAnswers, boundQuestions } from '../../core/auto-answer.ts';
import { scoreAnswers } from '../../core/form-score.ts';
import type { CheckResult } from '../../schemas/autoqa.ts';
import { monthRange } from '../../schemas/period.ts';
import { inTransaction, textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { type AutoForm, autoForms } from './auto-forms.ts';
import {
  AUTO_CALLS_SQL,
  AUTO_PATTERNS_SQL,
  AUTO_PENDING_SQL,
  DROP_PENDING_SQL,
  DROP_UNFORMED_SQL,
  FORM_AUTO_COUNT_SQL,
  INSERT_AUTO_SQL,
} from './queries/evaluations.sql.ts';
import { currentRuleSet } from './rules.service.ts';

export interface AutoEvaluationRun {
  /** Calls given a new auto evaluation (first one, or a re-score). */
  scored: number;
  /** Distinct (form, results) pairs scored: each once, whatever the number of calls sharing it. */
  patterns: number;
}

const TEXT_LIST = LIST(VARCHAR);

const CODES: readonly (CheckResult | undefined)[] = [undefined, 'pass', 'fail', 'na'];

/** A call's pattern (two bits per bound check, in the order of `keys`) back to its results. */
export function parsePattern(pattern: string, keys: readonly string[]): Record<string, CheckResult> {
  const bits = BigInt(pattern);
  const out: Record<string, CheckResult> = {};
  keys.forEach((key, i) => {
    const result = CODES[Number((bits >> BigInt(2 * i)) & 3n)];
    if (result) out[key] = result;
  });
  return out;
}

/**
 * Gives every checked call of `period` its auto evaluation (docs/autoqa.md, "Auto evaluations"):
 * the form that scores its direction, answered from its results under the rule set in force
 * (core/auto-answer.ts) and scored by the one score function (core/form-score.ts). Only calls
 * without one, or whose row names another form version or rule-set version, are scored, so a
 * second run changes nothing and a new form version is picked up by the next run. Calls no
 * form scores any more lose theirs.
 *
 * Set-based: one query groups the calls by their form and their results of the bound checks, each
 * distinct group is scored once here, and one INSERT … SELECT writes every call's row.
 */
export async function scoreAutoEvaluations(stores: Stores, period: string): Promise<AutoEvaluationRun> {
  const ruleSet = await currentRuleSet(stores.db);
  const { timeZone } = await readSettings(stores.db);
  const forms = await autoForms(stores.db);
  const byId = new Map<number, AutoForm>();
  for (const f of [forms.inbound, forms.outbound]) if (f) byId.set(f.id, f);
  const keys = [
    ...new Set(
      [...byId.values()].flatMap((f) => boundQuestions(f.definition).map((q) => q.auto?.check ?? '')),
    ),
  ];
  const result = await stores.analytics.withConnection(async (c) => {
    await c.run(AUTO_CALLS_SQL, {
      tz: timeZone,
      ...monthRange(period),
      inbound: forms.inbound?.id ?? 0,
      outbound: forms.outbound?.id ?? 0,
    });
    await c.run(AUTO_PENDING_SQL, { keys: textList(keys), version: ruleSet.version }, { keys: TEXT_LIST });
    const pairs = (await c.runAndReadAll(AUTO_PATTERNS_SQL)).getRowObjectsJson() as {
      form_id: number;
      pattern: string | number;
      calls: number;
    }[];
    const lists = {
      forms: [] as string[],
      patterns: [] as string[],
      scores: [] as string[],
      criticals: [] as string[],
      answers: [] as string[],
    };
    let scored = 0;
    for (const p of pairs) {
      const form = byId.get(Number(p.form_id));
      if (!form) continue;
      const answers = autoAnswers(form.definition, parsePattern(String(p.pattern), keys));
      const s = scoreAnswers(form.definition, answers);
      lists.forms.push(String(p.form_id));
      lists.patterns.push(String(p.pattern));
      lists.scores.push(s.score === null ? '' : String(s.score));
      lists.criticals.push(String(s.criticalFailed));
      lists.answers.push(JSON.stringify(answers));
      scored += Number(p.calls);
    }
    // The call's old row and its new one swap together, and calls no form scores lose theirs.
    await inTransaction(c, async () => {
      await c.run(DROP_UNFORMED_SQL);
      if (pairs.length === 0) return;
      await c.run(DROP_PENDING_SQL);
      await c.run(
        INSERT_AUTO_SQL,
        {
          forms: textList(lists.forms),
          patterns: textList(lists.patterns),
          scores: textList(lists.scores),
          criticals: textList(lists.criticals),
          answers: textList(lists.answers),
          version: ruleSet.version,
          now: new Date().toISOString(),
        },
        Object.fromEntries(
          ['forms', 'patterns', 'scores', 'criticals', 'answers'].map((k) => [k, TEXT_LIST]),
        ),
      );
    });
    await c.run('DROP TABLE IF EXISTS ae_pending');
    await c.run('DROP TABLE IF EXISTS ae_calls');
    return { scored, patterns: pairs.length };
  });
  return result;
}

/** How many calls a form version scores automatically (an edit of it then makes a new version). */
export async function autoEvaluationCount(stores: Stores, formId: number): Promise<number> {
  const [row] = await stores.analytics.rows(FORM_AUTO_COUNT_SQL, { form: formId });
  return Number(row?.n ?? 0);
}
