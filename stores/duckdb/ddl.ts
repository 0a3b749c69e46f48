/**
 * The analytical store's tables (DuckDB). Money is BIGINT minor units, times TIMESTAMPTZ.
 * The big fact tables carry no primary key: DuckDB's index would slow bulk loads several times
 * over, and the loader keeps ids unique itself (replace by key inside the load transaction).
 * `import_id` ties every row to the import that wrote it, for the import report and for undo.
 */
export const DUCKDB_DDL = [
  `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS clients (
    client_id VARCHAR NOT NULL,
    name VARCHAR,
    type VARCHAR NOT NULL,
    manager_id VARCHAR,
    region VARCHAR,
    import_id BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS debts (
    client_id VARCHAR NOT NULL,
    as_of TIMESTAMPTZ NOT NULL,
    balance BIGINT NOT NULL,
    credit_limit BIGINT NOT NULL,
    overdue_amount BIGINT NOT NULL,
    currency VARCHAR,
    import_id BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS calls (
    call_id VARCHAR NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    queued_at TIMESTAMPTZ,
    answered_at TIMESTAMPTZ,
    ended_at TIMESTAMPTZ,
    direction VARCHAR NOT NULL,
    operator_id VARCHAR,
    client_id VARCHAR,
    phone VARCHAR,
    queue VARCHAR,
    disposition VARCHAR NOT NULL,
    task_type VARCHAR,
    outcome VARCHAR,
    talk_s DOUBLE,
    hold_s DOUBLE,
    wrap_s DOUBLE,
    transferred_to VARCHAR,
    recording VARCHAR,
    import_id BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS orders (
    order_id VARCHAR NOT NULL,
    call_id VARCHAR,
    operator_id VARCHAR NOT NULL,
    client_id VARCHAR NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    status VARCHAR NOT NULL,
    total BIGINT NOT NULL,
    currency VARCHAR,
    lines INTEGER,
    price_column VARCHAR,
    offered_items INTEGER,
    error_code VARCHAR,
    import_id BIGINT
  )`,
  // Telephony records as the PBX wrote them, one row per call and source. The calls table is
  // derived from both (etl/asterisk/merge), so a CDR and a queue_log of the same calls enrich
  // each other in either import order instead of doubling.
  `CREATE TABLE IF NOT EXISTS pbx_cdr (
    call_id VARCHAR NOT NULL,
    src VARCHAR,
    dst VARCHAR,
    dcontext VARCHAR,
    channel VARCHAR,
    dstchannel VARCHAR,
    lastapp VARCHAR,
    lastdata VARCHAR,
    start_at TIMESTAMPTZ NOT NULL,
    answer_at TIMESTAMPTZ,
    end_at TIMESTAMPTZ,
    billsec INTEGER,
    disposition VARCHAR NOT NULL,
    userfield VARCHAR,
    import_id BIGINT
  )`,
  `CREATE TABLE IF NOT EXISTS pbx_queue_calls (
    call_id VARCHAR NOT NULL,
    queue VARCHAR,
    caller VARCHAR,
    enter_at TIMESTAMPTZ,
    connect_at TIMESTAMPTZ,
    agent VARCHAR,
    wait_s INTEGER,
    calltime_s INTEGER,
    end_event VARCHAR,
    end_at TIMESTAMPTZ,
    transferred_to VARCHAR,
    import_id BIGINT
  )`,
] as const;

/** The version of the tables above; migrations.ts takes a file on from it. */
export const DUCKDB_BASE_VERSION = 1;
