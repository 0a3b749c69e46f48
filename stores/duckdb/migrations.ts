import { tokenizeSql } from '../segment-words.sql.ts';

/**
 * Changes to the analytical store after its first schema (ddl.ts, version 1), in order. A file
 * opened at an older version gets each later step once, in a transaction of its own, and its
 * `schema_version` moves with it; a new file gets the first schema and then every step, so both
 * end up the same. Each step must hold on a file that already has rows.
 */
export const DUCKDB_MIGRATIONS: readonly { version: number; statements: readonly string[] }[] = [
  {
    // An import's outcome travels with its rows: the rows of an import, its report and its
    // quarantined rows commit in one DuckDB transaction, so that a process killed before the
    // import log (SQLite) is told can be finished from here on the next start.
    version: 2,
    statements: [
      // Files made before import ids existed: their rows belong to no import.
      ...['clients', 'debts', 'calls', 'orders', 'pbx_cdr', 'pbx_queue_calls'].map(
        (t) => `ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS import_id BIGINT`,
      ),
      `CREATE TABLE IF NOT EXISTS import_journal (
        import_id BIGINT NOT NULL PRIMARY KEY,
        report VARCHAR NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS import_journal_quarantine (
        import_id BIGINT NOT NULL,
        line BIGINT NOT NULL,
        raw VARCHAR NOT NULL,
        raw_bytes BLOB,
        reason VARCHAR NOT NULL
      )`,
    ],
  },
  {
    // AutoQA's inputs and outputs. A transcript is one row per call (the newest import of a call
    // replaces its segments whole); the segments are the text the checks read, in the order
    // spoken. The product catalogue is small but read by the checks beside the segments, so it
    // sits in the same store. Results are one row per call, check and rule-set version, with the
    // evidence that decided them.
    version: 3,
    statements: [
      `CREATE TABLE IF NOT EXISTS transcripts (
        call_id VARCHAR NOT NULL,
        language VARCHAR NOT NULL,
        engine VARCHAR,
        speakers_known BOOLEAN NOT NULL,
        segment_count INTEGER NOT NULL,
        import_id BIGINT
      )`,
      `CREATE TABLE IF NOT EXISTS transcript_segments (
        call_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        speaker VARCHAR NOT NULL,
        start_s DOUBLE NOT NULL,
        end_s DOUBLE NOT NULL,
        text VARCHAR NOT NULL,
        confidence DOUBLE,
        import_id BIGINT
      )`,
      `CREATE TABLE IF NOT EXISTS products (
        product_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        synonyms VARCHAR[],
        category VARCHAR,
        is_new BOOLEAN NOT NULL DEFAULT false,
        promo_from DATE,
        promo_to DATE,
        traditional_for VARCHAR[],
        import_id BIGINT
      )`,
      `CREATE TABLE IF NOT EXISTS autoqa_results (
        call_id VARCHAR NOT NULL,
        check_key VARCHAR NOT NULL,
        rules_version INTEGER NOT NULL,
        result VARCHAR NOT NULL,
        evidence VARCHAR,
        checked_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    // AutoQA's stem lexicon: each distinct word of the transcripts, per language, with the stem the
    // checks compare it by. Words are stemmed once, in JavaScript (the Snowball stemmers), and the
    // checks join the segments' words to this table; `version` is the stemming's version, so a
    // change to it re-stems every word instead of mixing two ways.
    version: 4,
    statements: [
      `CREATE TABLE IF NOT EXISTS autoqa_lexicon (
        language VARCHAR NOT NULL,
        word VARCHAR NOT NULL,
        stem VARCHAR NOT NULL,
        version INTEGER NOT NULL
      )`,
    ],
  },
  {
    // AutoQA's auto evaluations: per checked call, the form bound to checks that applies to it,
    // answered from the checks and scored by the one score function (core/form-score.ts). One row
    // per call, the latest: a new rule-set version's run replaces it. `answers` is the JSON of
    // the answers; they never count in qualityScore (autoQualityScore reads them).
    version: 5,
    statements: [
      `CREATE TABLE IF NOT EXISTS autoqa_evaluations (
        call_id VARCHAR NOT NULL,
        operator_id VARCHAR,
        rules_version INTEGER NOT NULL,
        form_id INTEGER NOT NULL,
        score DOUBLE,
        critical_failed BOOLEAN NOT NULL,
        answers VARCHAR NOT NULL,
        scored_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    // Telephony as PBXs really write it. The queue_log is kept event by event, so a call split
    // across two files (rotation, a live log read twice) is rebuilt from all its events, and
    // pbx_queue_calls is what they say so far (`first_at`: its first event; `direction`:
    // outbound for a call the queue dialled out, OUTDIAL). pbx_cdr keeps every leg of a call
    // (ring groups, forked Dial, Local channels): `uniqueid` is the leg's own, `call_id` the
    // call's (its linkedid when the file has one).
    version: 6,
    statements: [
      `CREATE TABLE IF NOT EXISTS pbx_queue_events (
        call_id VARCHAR NOT NULL,
        epoch BIGINT NOT NULL,
        queue VARCHAR,
        agent VARCHAR,
        event VARCHAR NOT NULL,
        data1 VARCHAR,
        data2 VARCHAR,
        data3 VARCHAR,
        data4 VARCHAR,
        data5 VARCHAR,
        import_id BIGINT
      )`,
      'ALTER TABLE pbx_queue_calls ADD COLUMN IF NOT EXISTS first_at TIMESTAMPTZ',
      `ALTER TABLE pbx_queue_calls ADD COLUMN IF NOT EXISTS direction VARCHAR DEFAULT 'inbound'`,
      'ALTER TABLE pbx_cdr ADD COLUMN IF NOT EXISTS uniqueid VARCHAR',
      'UPDATE pbx_cdr SET uniqueid = call_id WHERE uniqueid IS NULL',
    ],
  },
  {
    // `callscore transcribe`'s failures: the last reason each call could not be transcribed. A row
    // goes when the call's transcript is imported; a failed call is tried again on the next run.
    // Beside the transcripts, so the run's pending query reads both in one place.
    version: 7,
    statements: [
      `CREATE TABLE IF NOT EXISTS transcribe_failures (
        call_id VARCHAR NOT NULL,
        engine VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        failed_at TIMESTAMPTZ NOT NULL
      )`,
    ],
  },
  {
    // Each segment's raw tokens, cut once when its transcript is imported rather than on every
    // run of AutoQA's checks (the cut was the largest step of a run, and the same every time).
    // A transcript replaced takes its segments' words with it. Segments already stored are cut
    // here, once.
    version: 8,
    statements: [
      'ALTER TABLE transcript_segments ADD COLUMN IF NOT EXISTS words VARCHAR[]',
      `UPDATE transcript_segments SET words = ${tokenizeSql('text')} WHERE words IS NULL`,
    ],
  },
  {
    // AutoQA reads integers, not words: every stem is numbered once (autoqa_stems), the lexicon
    // maps each word to its stem's number, and each segment keeps its words' stem numbers
    // (`stems`, beside `words`, written by the transcripts import). Segments already stored get
    // theirs from the first run of the checks that reads them (stemming is JavaScript's, not SQL's).
    // The phrase places of the rule sets are kept between runs: each phrase's stems as a pattern
    // (`0` for `*`, numbered in order of first use), where each pattern was heard (with its
    // segment's speaker and times, which a transcript never changes: a run joins no segment to
    // them), and for each call
    // the patterns already searched (every one numbered up to `upto`), so a run searches only the
    // calls or the patterns that are new. A replaced transcript drops its places with its results.
    version: 9,
    statements: [
      `CREATE TABLE IF NOT EXISTS autoqa_stems (
        stem_id INTEGER NOT NULL,
        language VARCHAR NOT NULL,
        stem VARCHAR NOT NULL,
        version INTEGER NOT NULL
      )`,
      'ALTER TABLE autoqa_lexicon ADD COLUMN IF NOT EXISTS stem_id INTEGER',
      `INSERT INTO autoqa_stems (stem_id, language, stem, version)
        SELECT row_number() OVER (ORDER BY version, language, stem)::INTEGER, language, stem, version
        FROM (SELECT DISTINCT language, stem, version FROM autoqa_lexicon)`,
      `UPDATE autoqa_lexicon SET stem_id = s.stem_id FROM autoqa_stems s
        WHERE s.language = autoqa_lexicon.language AND s.stem = autoqa_lexicon.stem AND s.version = autoqa_lexicon.version`,
      'ALTER TABLE transcript_segments ADD COLUMN IF NOT EXISTS stems INTEGER[]',
      `CREATE TABLE IF NOT EXISTS autoqa_patterns (
        pattern_id INTEGER NOT NULL,
        stems INTEGER[] NOT NULL
      )`,
      `CREATE TABLE IF NOT EXISTS autoqa_places (
        call_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        pattern_id INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        speaker VARCHAR NOT NULL,
        start_s DOUBLE,
        end_s DOUBLE
      )`,
      `CREATE TABLE IF NOT EXISTS autoqa_searched (
        call_id VARCHAR NOT NULL,
        upto INTEGER NOT NULL
      )`,
    ],
  },
  {
    // Operators' time logged in, by state (available, talk, wrap, pause): a dialler's agent log
    // (VICIdial's vicidial_agent_log) or a canonical file of the kind `operator-states`. Occupancy
    // and pause time on the operator page read it. One row per operator, state and start.
    version: 10,
    statements: [
      `CREATE TABLE IF NOT EXISTS operator_states (
        operator_id VARCHAR NOT NULL,
        state VARCHAR NOT NULL,
        started_at TIMESTAMPTZ NOT NULL,
        ended_at TIMESTAMPTZ NOT NULL,
        reason VARCHAR,
        import_id BIGINT
      )`,
    ],
  },
  {
    // AutoQA keys its kept phrase places by an integer call number (autoqa_call_numbers, given to
    // a call the first time a run checks it, in call-id order) instead of the call's text id: a
    // batch reads millions of places, and an integer is cheaper to scan, filter and join by. The
    // places and marks kept before are dropped, not renumbered (the step must hold when it runs
    // again on a file already past it); the next run searches every call once more.
    version: 11,
    statements: [
      `CREATE TABLE IF NOT EXISTS autoqa_call_numbers (
        call_no INTEGER NOT NULL,
        call_id VARCHAR NOT NULL
      )`,
      'DROP TABLE IF EXISTS autoqa_places',
      'DROP TABLE IF EXISTS autoqa_searched',
      `CREATE TABLE autoqa_places (
        call_no INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        pattern_id INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        speaker VARCHAR NOT NULL,
        start_s DOUBLE,
        end_s DOUBLE
      )`,
      `CREATE TABLE autoqa_searched (
        call_no INTEGER NOT NULL,
        upto INTEGER NOT NULL
      )`,
    ],
  },
  {
    // AutoQA keeps each call's timeline (the agent's span of speech, the longest silence, the agent
    // segments that start over the client), which no rule changes: a re-check after a rule edit
    // reads one row a call instead of ordering its segments again. Made by the first run that
    // checks the call; a replaced transcript drops it.
    version: 12,
    statements: [
      `CREATE TABLE IF NOT EXISTS autoqa_timelines (
        call_no INTEGER NOT NULL,
        first_s DOUBLE,
        last_e DOUBLE,
        labelled BOOLEAN NOT NULL,
        timed BOOLEAN NOT NULL,
        gap DOUBLE,
        gap_from DOUBLE,
        gap_to DOUBLE,
        talk_n BIGINT NOT NULL,
        talk_evs STRUCT(seq INTEGER, "startS" DOUBLE, "endS" DOUBLE)[]
      )`,
    ],
  },
  {
    // Asterisk's queue_log: the events of queue members (logins, pauses) kept as written, one row
    // an event (a line read twice, in two files, is one event), so that a login or a pause that a
    // rotation cut in two is whole once both files are in. Each operator's states are rebuilt
    // from all his events; `derived_from` marks the states built so ('queue_log'), the only
    // ones such a rebuild replaces (a canonical file's or a dialler's states are never touched).
    version: 13,
    statements: [
      `CREATE TABLE IF NOT EXISTS pbx_member_events (
        pbx VARCHAR NOT NULL,
        epoch BIGINT NOT NULL,
        queue VARCHAR,
        agent VARCHAR NOT NULL,
        event VARCHAR NOT NULL,
        data1 VARCHAR,
        data2 VARCHAR,
        data3 VARCHAR,
        line BIGINT NOT NULL,
        import_id BIGINT
      )`,
      'ALTER TABLE operator_states ADD COLUMN IF NOT EXISTS derived_from VARCHAR',
    ],
  },
];
