import { INTEGER, LIST, VARCHAR } from '@duckdb/node-api';
import { answerResult, boundQuestions } from '../../core/auto-answer.ts';
import { emptyCell, finish, tally } from '../../core/autoqa-accuracy.ts';
import type {
  AccuracyCell,
  AccuracyDisagreement,
  AccuracyResponse,
  CheckResult,
} from '../../schemas/autoqa.ts';
import type { Answers, FormDefinition } from '../../schemas/forms.ts';
import { monthRange } from '../../schemas/period.ts';
import { textList } from '../../stores/duckdb.ts';
import type { Stores } from '../../stores/stores.ts';
import { scopeIds } from '../auth/scope.ts';
import type { Scope } from '../context.ts';
import { countedAnswers } from '../evaluations/quality.repository.ts';
import { definitionOf, formDefinitionRow } from '../forms/forms.repository.ts';
import { periodInstants } from '../periods/period.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { CALLS_RESULTS_SQL } from './queries/results.sql.ts';
import { currentRuleSet } from './rules.service.ts';

/**
 * AutoQA measured against people for a month: every counted evaluation (imported ones included)
 * of a call AutoQA checked under the rule set in force, on a form whose questions name checks;
 * each such question's answer, read as a result, beside the check's result. Only the operators
 * of the caller's scope.
 */
export async function autoqaAccuracy(
  stores: Stores,
  period: string,
  scope: Scope,
): Promise<AccuracyResponse> {
  const { ruleSet, pairs, compared } = await comparedAnswers(stores, period, scope);
  const cells = new Map<string, { all: AccuracyCell; byLanguage: Map<string, AccuracyCell> }>();
  const languages = new Set<string>();
  const disagreements: AccuracyDisagreement[] = [];
  for (const p of pairs) {
    const key = p.checkKey;
    languages.add(p.language);
    let cell = cells.get(key);
    if (!cell) {
      cell = { all: emptyCell(), byLanguage: new Map() };
      cells.set(key, cell);
    }
    let lang = cell.byLanguage.get(p.language);
    if (!lang) {
      lang = emptyCell();
      cell.byLanguage.set(p.language, lang);
    }
    tally(cell.all, p.autoResult, p.humanResult);
    tally(lang, p.autoResult, p.humanResult);
    if (p.autoResult !== p.humanResult) disagreements.push(p);
  }
  return {
    period,
    rulesVersion: ruleSet.version,
    evaluations: compared,
    languages: [...languages].sort(),
    // The rule set's checks in its order, those some question compared.
    checks: ruleSet.checks.flatMap((c) => {
      const cell = cells.get(c.key);
      if (!cell) return [];
      return [
        {
          key: c.key,
          labels: c.labels,
          all: finish(cell.all),
          byLanguage: Object.fromEntries([...cell.byLanguage].map(([l, v]) => [l, finish(v)])),
        },
      ];
    }),
    disagreements,
  };
}

/**
 * Every pair AutoQA's accuracy compares in a month (one per answered question bound to a check, on
 * a counted evaluation of a checked call), each as a disagreement row would show it; and how many
 * evaluations gave at least one. The accuracy page and each monitor's agreement read the same pairs.
 */
export async function comparedAnswers(
  stores: Stores,
  period: string,
  scope: Scope,
): Promise<{
  ruleSet: Awaited<ReturnType<typeof currentRuleSet>>;
  pairs: AccuracyDisagreement[];
  compared: number;
}> {
  const ruleSet = await currentRuleSet(stores.db);
  const { timeZone } = await readSettings(stores.db);
  const evaluations = await countedAnswers(
    stores.db,
    periodInstants(monthRange(period), timeZone),
    scopeIds(scope),
  );
  const checked = await resultsOf(stores, [...new Set(evaluations.map((e) => e.call_id))], ruleSet.version);
  const forms = new Map<number, FormDefinition>();
  const formOf = async (id: number) => {
    let def = forms.get(id);
    if (!def) {
      def = definitionOf(await formDefinitionRow(stores.db, id));
      forms.set(id, def);
    }
    return def;
  };
  const pairs: AccuracyDisagreement[] = [];
  let compared = 0;
  for (const e of evaluations) {
    const call = checked.get(e.call_id);
    if (!call || e.form_id === null) continue;
    const answers = (e.answers ? JSON.parse(e.answers) : {}) as Answers;
    let any = false;
    for (const q of boundQuestions(await formOf(e.form_id))) {
      const key = q.auto?.check ?? '';
      const auto = call.checks[key];
      const answered = answerResult(q, answers[q.id]);
      if (auto === undefined || answered === undefined) continue;
      // A question without N/A has only "yes" for a call where there was nothing to fault (no
      // debt to check): beside AutoQA's `na`, a pass says the same, not the opposite.
      const human = auto === 'na' && !q.allowNa && answered === 'pass' ? 'na' : answered;
      any = true;
      pairs.push({
        callId: e.call_id,
        operatorId: e.operator_id,
        language: call.language,
        checkKey: key,
        questionId: q.id,
        autoResult: auto,
        humanResult: human,
        evaluationId: e.evaluation_id,
        evaluator: e.evaluator,
      });
    }
    if (any) compared++;
  }
  return { ruleSet, pairs, compared };
}

/** Calls looked up at once: a month's evaluated calls in a few queries. */
const CHUNK = 10_000;

/** The evaluated calls' results under `version`, with their transcript's language. */
async function resultsOf(
  stores: Stores,
  callIds: string[],
  version: number,
): Promise<Map<string, { language: string; checks: Record<string, CheckResult> }>> {
  const out = new Map<string, { language: string; checks: Record<string, CheckResult> }>();
  for (let i = 0; i < callIds.length; i += CHUNK) {
    const rows = await stores.analytics.rows(
      CALLS_RESULTS_SQL,
      { ids: textList(callIds.slice(i, i + CHUNK)), version },
      { ids: LIST(VARCHAR), version: INTEGER },
    );
    for (const r of rows) {
      const id = String(r.call_id);
      let call = out.get(id);
      if (!call) {
        call = { language: String(r.language), checks: {} };
        out.set(id, call);
      }
      call.checks[String(r.check_key)] = r.result as CheckResult;
    }
  }
  return out;
}
