import { tokenizeSql } from '../../../stores/segment-words.sql.ts';

/**
 * The rule test's copy of one call into a scratch store: each table's rows leave the data as one
 * JSON list (`rowsJsonSql`) and enter the scratch store's same table (`insertJsonSql`), so the
 * checks read them exactly as they read the data.
 */

/** The tables a check reads, and which of their rows the test needs ($id: the call). */
export const COPIED = {
  products: 'SELECT * FROM products',
  calls: 'SELECT * FROM calls WHERE call_id = $id',
  clients: 'SELECT * FROM clients WHERE client_id = (SELECT client_id FROM calls WHERE call_id = $id)',
  // The client's latest snapshot at or before the call is the one the debt check reads.
  debts: `SELECT * FROM debts WHERE client_id = (SELECT client_id FROM calls WHERE call_id = $id)
    AND as_of <= (SELECT started_at FROM calls WHERE call_id = $id)
    ORDER BY as_of DESC LIMIT 1`,
  transcripts: 'SELECT * FROM transcripts WHERE call_id = $id',
  // Without the stems' numbers: they are the data's, not the scratch store's; its run numbers them.
  transcript_segments:
    'SELECT * REPLACE (NULL::INTEGER[] AS stems) FROM transcript_segments WHERE call_id = $id ORDER BY seq',
} as const;
export type CopiedTable = keyof typeof COPIED;

/** The rows of one of COPIED's queries as one JSON list (null when there are none). */
export const rowsJsonSql = (table: CopiedTable) =>
  `SELECT to_json(list(t))::VARCHAR AS j FROM (${COPIED[table]}) t`;

/** A table's columns and types, to read its JSON back. */
export const COLUMNS_SQL = `SELECT column_name, data_type FROM information_schema.columns
  WHERE table_name = $table ORDER BY ordinal_position`;

/** Inserts a JSON list of rows ($rows) read with the shape $shape (column: type). */
export const insertJsonSql = (table: CopiedTable) =>
  `INSERT INTO ${table} SELECT unnest(from_json($rows, $shape), recursive := true)`;

/** A pasted transcript's call: at noon of its local date ($date in $tz), its client if a type is given. */
export const PASTED_CALL_SQL = `INSERT INTO calls (call_id, started_at, direction, operator_id, client_id, disposition)
  VALUES ($id, timezone($tz, ($date || ' 12:00:00')::TIMESTAMP), 'inbound', NULL, $client, 'answered')`;

export const PASTED_CLIENT_SQL = `INSERT INTO clients (client_id, type) VALUES ($client, $type)`;

/** A debt snapshot the day before the call: overdue, so the debt check applies. */
export const PASTED_DEBT_SQL = `INSERT INTO debts (client_id, as_of, balance, credit_limit, overdue_amount)
  SELECT $client, started_at - INTERVAL 1 DAY, 1, 0, 1 FROM calls WHERE call_id = $id`;

export const PASTED_TRANSCRIPT_SQL = `INSERT INTO transcripts (call_id, language, engine, speakers_known, segment_count)
  VALUES ($id, $language, 'pasted', $known, $count::INTEGER)`;

export const PASTED_SEGMENTS_SQL = `INSERT INTO transcript_segments (call_id, seq, speaker, start_s, end_s, text, words)
  SELECT *, ${tokenizeSql('text')} FROM (
    SELECT $id, unnest($seq)::INTEGER, unnest($speaker), unnest($start)::DOUBLE, unnest($end)::DOUBLE, unnest($text) AS text
  )`;

/** A stored transcript read as another language. */
export const SET_LANGUAGE_SQL = 'UPDATE transcripts SET language = $language WHERE call_id = $id';

/** The tested call's date and segments, as the checks saw them. */
export const TESTED_CALL_SQL = `SELECT strftime(timezone($tz, started_at), '%Y-%m-%d') AS date FROM calls WHERE call_id = $id`;
export const TESTED_SEGMENTS_SQL = `SELECT seq, speaker, start_s, end_s, text FROM transcript_segments
  WHERE call_id = $id ORDER BY seq`;

/** What the last test left in the scratch store; its lexicon and patterns stay (words are stemmed once). */
export const CLEAR_SQL = [
  'DELETE FROM autoqa_results',
  'DELETE FROM autoqa_places',
  'DELETE FROM autoqa_searched',
  'DELETE FROM autoqa_timelines',
  'DELETE FROM autoqa_call_numbers',
  'DELETE FROM transcript_segments',
  'DELETE FROM transcripts',
  'DELETE FROM debts',
  'DELETE FROM clients',
  'DELETE FROM calls',
  'DELETE FROM products',
] as const;
