import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LIST, VARCHAR } from '@duckdb/node-api';
import { INBOUND_FORM } from '../../fixtures/demo/forms.ts';
import { scoreAutoEvaluations } from '../../server/autoqa/auto-evaluations.ts';
import { currentRuleSet } from '../../server/autoqa/rules.service.ts';
import { createForm, updateForm } from '../../server/forms/forms.service.ts';
import { openDataDir } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { textList } from '../../stores/duckdb.ts';
import { CALLS_SQL, TRANSCRIPTS_SQL } from './autoqa.bench.ts';
import { gib, measure } from './memory.ts';

/** Every check's result for each call, drawn per call and check: 3 in 5 pass, 1 fails, 1 is `na`. */
const RESULTS_SQL = `
  INSERT INTO autoqa_results
  SELECT 'B' || lpad(i::VARCHAR, 8, '0'), k, $version,
    ['pass', 'pass', 'pass', 'fail', 'na'][(hash(i, k) % 5)::INTEGER + 1], '{}', now()
  FROM range($n) r(i), (SELECT unnest($keys) AS k)`;

/**
 * `npm run bench -- auto-evaluations [--calls 1000000]`
 *
 * The auto evaluations alone, without the checks before them (`autoqa` times both): `--calls`
 * inbound calls with transcripts and every check's result of the rule set in force, drawn at
 * random, then times (a) the first auto evaluations on the demo's inbound form, (b) a second
 * pass with nothing to do, (c) the re-score of every call after a new version of the form.
 */
export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { calls: { type: 'string', default: '1000000' }, dir: { type: 'string', default: tmpdir() } },
  });
  const n = Number(values.calls);
  if (!Number.isInteger(n) || n < 1) throw new Error('--calls must be a whole number');
  const work = mkdtempSync(path.join(values.dir, 'callscore-bench-auto-evaluations-'));
  const rt = await openDataDir(work, { webDir: null });
  try {
    await writeSetting(rt.db, 'timeZone', 'Europe/Chisinau', 'bench');
    const ruleSet = await currentRuleSet(rt.db);
    const gen = await measure(() =>
      rt.analytics.withConnection(async (c) => {
        await c.run(CALLS_SQL, { n });
        await c.run(TRANSCRIPTS_SQL, { n });
        await c.run(
          RESULTS_SQL,
          { n, version: ruleSet.version, keys: textList(ruleSet.checks.map((k) => k.key)) },
          { keys: LIST(VARCHAR) },
        );
        await c.run('CHECKPOINT');
      }),
    );
    console.log(
      `generated ${n.toLocaleString('en')} calls and their check results in ${gen.seconds.toFixed(1)} s`,
    );
    const form = await createForm(rt.db, INBOUND_FORM, 'bench');
    const time = async (label: string) => {
      const m = await measure(() => scoreAutoEvaluations(rt, '2026-10'));
      console.log(
        `${label} ${m.seconds.toFixed(1)} s for ${m.result.scored.toLocaleString('en')} calls ` +
          `(${m.result.patterns} distinct answer sets scored), peak RSS ${gib(m.peakRss)}`,
      );
    };
    await time('(a) first auto evaluations:');
    await time('(b) again, nothing to do:  ');
    await updateForm(
      rt.db,
      form.id,
      { definition: { ...INBOUND_FORM.definition, sections: INBOUND_FORM.definition.sections.slice(1) } },
      'bench',
      { autoEvaluations: 1 },
    );
    await time('(c) after a form edit:     ');
  } finally {
    await rt.close();
    rmSync(work, { recursive: true, force: true });
  }
}
