import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import type { Stores } from '../../stores/stores.ts';

export const AUTOQA_SAMPLE = path.join(import.meta.dirname, '..', 'fixtures', 'autoqa');

/**
 * The product catalogue from a CSV of the sample's shape, straight into the `products` table
 * (`;`-separated lists become lists): the import kind is not the subject of the AutoQA tests.
 */
export async function loadProducts(stores: Stores, file: string): Promise<void> {
  await stores.analytics.withConnection((c) =>
    c.run(
      `INSERT INTO products
       SELECT product_id, name, CASE WHEN synonyms IS NULL THEN [] ELSE string_split(synonyms, ';') END,
         category, is_new, promo_from, promo_to,
         CASE WHEN traditional_for IS NULL THEN [] ELSE string_split(traditional_for, ';') END, NULL
       FROM read_csv($file, header = true, all_varchar = false,
         types = {'product_id': 'VARCHAR', 'name': 'VARCHAR', 'synonyms': 'VARCHAR', 'category': 'VARCHAR',
                  'is_new': 'BOOLEAN', 'promo_from': 'DATE', 'promo_to': 'DATE', 'traditional_for': 'VARCHAR'})`,
      { file },
    ),
  );
}

/** Transcripts from canonical JSON Lines (one call a line) into `transcripts` and `transcript_segments`. */
export async function loadTranscripts(stores: Stores, file: string): Promise<void> {
  await stores.analytics.withConnection(async (c) => {
    await c.run(
      `CREATE OR REPLACE TEMP TABLE tx AS SELECT * FROM read_json($file, format = 'newline_delimited',
         columns = {'call_id': 'VARCHAR', 'language': 'VARCHAR', 'engine': 'VARCHAR',
           'segments': 'STRUCT(speaker VARCHAR, start_s DOUBLE, end_s DOUBLE, text VARCHAR, confidence DOUBLE)[]'})`,
      { file },
    );
    await c.run(
      `INSERT INTO transcripts
       SELECT call_id, language, engine, list_bool_or([s.speaker <> 'unknown' FOR s IN segments]), len(segments), NULL FROM tx`,
    );
    await c.run(
      `INSERT INTO transcript_segments
       SELECT call_id, seq, s.speaker, s.start_s, s.end_s, s.text, s.confidence, NULL
       FROM (SELECT call_id, unnest(segments) AS s, generate_subscripts(segments, 1) AS seq FROM tx)`,
    );
    await c.run('DROP TABLE tx');
  });
}

/** Loads a folder of the sample's shape in its README's order, the company in Europe/Chisinau. */
export async function loadAutoqaSample(stores: Stores, dir = AUTOQA_SAMPLE): Promise<void> {
  const timeZone = 'Europe/Chisinau';
  await writeSetting(stores.db, 'timeZone', timeZone, 'test');
  for (const kind of ['teams', 'operators', 'clients', 'debts'] as const) {
    const report = await importFile(stores, {
      kind,
      file: path.join(dir, `${kind}.csv`),
      actor: 'test',
      timeZone,
    });
    if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
  }
  await loadProducts(stores, path.join(dir, 'products.csv'));
  const calls = await importFile(stores, {
    kind: 'calls',
    file: path.join(dir, 'calls.csv'),
    actor: 'test',
    timeZone,
  });
  if (calls.quarantined) throw new Error(`calls: ${JSON.stringify(calls.quarantine)}`);
  await loadTranscripts(stores, path.join(dir, 'transcripts.jsonl'));
}
