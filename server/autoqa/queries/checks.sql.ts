/**
 * One query per kind of check, over the batch's tables (aq_calls, aq_segs, aq_time, aq_agent,
 * aq_hit, aq_mention, aq_client_named), calls keyed by their number in the batch (`ck`). Each gives
 * every call of the batch one row: its result ('pass', 'fail', 'na') and the evidence as JSON
 * (schemas/autoqa.ts, evidenceSchema): the segments that decided it, or the window searched, or
 * why the check does not apply. $list is the number of a phrase list of the check (compile.ts, listNumber).
 *
 * The candidates of a check are compared as plain values and structs: JSON is made once per call,
 * of the evidence picked, never of every phrase heard (a struct's JSON is the object of its
 * fields, in order).
 */

/**
 * A phrase heard, as a candidate: its segment and the phrase's number (`pid`). The phrase's text
 * (and product) are looked up only for the candidate a check keeps (`said`, `evidenceOf`).
 */
const pick = (h: string) =>
  `{'seq': ${h}.seq, 'startS': ${h}.start_s, 'endS': ${h}.end_s, 'pid': ${h}.phrase_id}`;
/**
 * The evidence of the phrase `p` (aq_phrases) heard in a segment (its number and times as SQL),
 * with `product` the product named.
 */
const said = (seg: { seq: string; start: string; end: string }, p: string, product = false) =>
  `{'seq': ${seg.seq}, 'startS': ${seg.start}, 'endS': ${seg.end}, 'phrase': ${p}.phrase${product ? `, 'productId': ${p}.item` : ''}}`;
/** A candidate `ev` (pick) as said: its segment. */
const picked = (ev: string) => ({ seq: `${ev}.seq`, start: `${ev}.startS`, end: `${ev}.endS` });
/** A hit or mention `h` as said: its segment. */
const at = (h: string) => ({ seq: `${h}.seq`, start: `${h}.start_s`, end: `${h}.end_s` });
/** The candidates of `from` (ck, ev) made evidence, as the CTE `name` (ck, ev). */
const evidenceOf = (name: string, from: string, product = false) => `${name} AS (
    SELECT k.ck, ${said(picked('k.ev'), 'p', product)} AS ev FROM ${from} k JOIN aq_phrases p ON p.phrase_id = k.ev.pid
  )`;
const HEARD = evidenceOf('heard', 'picked');
/**
 * The order phrases heard are picked by (the first, or with arg_max the last): the segment's start,
 * then the word's place, then the phrase's `tie` (hits.sql.ts), which is below 1 and so never
 * outweighs a place.
 */
const first = (h: string) => `${h}.start_s * 1000 + ${h}.pos_from + ${h}.tie`;
const last = (h: string) => `${h}.start_s * 1000 + ${h}.pos_from + 1 - ${h}.tie`;
/**
 * The JSON list of a group's `ev` in the order of `k`: a list of {k, ev} sorted as a whole, which
 * costs a fraction of an aggregate's ORDER BY (a sort per group).
 */
const inOrder = (k: string, ev: string) =>
  `to_json(list_transform(list_sort(list({'k': ${k}, 'ev': ${ev}})), lambda x: x.ev))`;
const reason = (text: string) => `json_object('reason', '${text}')`;
const NO_AGENT = reason('no agent speech');
const NOT_COVERED = reason('no phrases in the language of the call');
/** The evidence of a searched window: the segments heard in it, else the window itself. */
const heardOrWindow = (from: string, to: string): string =>
  `WHEN heard.ck IS NOT NULL THEN json_object('segments', json_array(heard.ev))
      ELSE json_object('window', json_object('fromS', ${from}, 'toS', ${to})) END AS evidence`;
/**
 * An agent's mention of a product the client had not named before it: the client's first
 * mention of it (aq_client_named) is missing or starts no earlier.
 */
const ON_HIS_OWN = 'cn.first_s IS NULL OR cn.first_s >= m.start_s';

/** A phrase in the agent's segments that start within $window s of his first word. */
export const OPENING_SQL = `
  WITH picked AS (
    SELECT h.ck, arg_min(${pick('h')}, ${first('h')}) AS ev
    FROM aq_hit h JOIN aq_agent a USING (ck)
    WHERE h.list_no = $list AND h.speaker = 'agent' AND h.start_s <= a.first_s + $window
    GROUP BY h.ck
  ),
  ${HEARD}
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered THEN 'na' WHEN heard.ck IS NOT NULL THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      ${heardOrWindow('a.first_s', 'round(a.first_s + $window, 3)')}
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN heard USING (ck)`;

/** A phrase in the agent's segments that end within $window s of his last word. */
export const CLOSING_SQL = `
  WITH picked AS (
    SELECT h.ck, arg_max(${pick('h')}, ${last('h')}) AS ev
    FROM aq_hit h JOIN aq_agent a USING (ck)
    WHERE h.list_no = $list AND h.speaker = 'agent' AND h.end_s >= a.last_e - $window
    GROUP BY h.ck
  ),
  ${HEARD}
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered THEN 'na' WHEN heard.ck IS NOT NULL THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      ${heardOrWindow('round(greatest(a.first_s, a.last_e - $window), 3)', 'a.last_e')}
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN heard USING (ck)`;

/** Fails on the first phrase of the list the agent says anywhere in the call. */
export const FORBIDDEN_SQL = `
  WITH picked AS (
    SELECT h.ck, arg_min(${pick('h')}, ${first('h')}) AS ev
    FROM aq_hit h
    WHERE h.list_no = $list AND h.speaker = 'agent'
    GROUP BY h.ck
  ),
  ${HEARD}
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered THEN 'na' WHEN heard.ck IS NOT NULL THEN 'fail' ELSE 'pass' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      ${heardOrWindow('a.first_s', 'a.last_e')}
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN heard USING (ck)`;

/**
 * The agent names, on his own (the client had not named it in a segment that started before), a
 * product of the set $mode picks: 'new-or-promotion' (new, or on promotion on the call's local
 * date) or 'traditional' (traditional for the client's type).
 */
export const PRODUCT_OFFER_SQL = `
  WITH eligible AS (
    SELECT c.ck, p.product_id
    FROM aq_calls c JOIN products p ON CASE
      WHEN $mode = 'traditional' THEN c.client_type IS NOT NULL AND list_contains(p.traditional_for, c.client_type)
      ELSE p.is_new OR coalesce(c.call_date BETWEEN p.promo_from AND p.promo_to, false) END
  ),
  eligible_count AS (SELECT ck, count(DISTINCT product_id) AS n FROM eligible GROUP BY ck),
  eligible_item AS (SELECT e.ck, i.item_no FROM eligible e JOIN aq_items i USING (product_id)),
  picked AS (
    SELECT m.ck, arg_min(${pick('m')}, ${first('m')}) AS ev
    FROM aq_mention m JOIN eligible_item e USING (ck, item_no)
    LEFT JOIN aq_client_named cn USING (ck, item_no)
    WHERE m.speaker = 'agent' AND (${ON_HIS_OWN})
    GROUP BY m.ck
  ),
  ${evidenceOf('named', 'picked', true)}
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered THEN 'na'
      WHEN $mode = 'traditional' AND c.client_type IS NULL THEN 'na'
      WHEN ec.ck IS NULL THEN 'na'
      WHEN named.ck IS NOT NULL THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      WHEN $mode = 'traditional' AND c.client_type IS NULL THEN ${reason('client unknown')}
      WHEN ec.ck IS NULL THEN ${reason('no product applies')}
      WHEN named.ck IS NOT NULL THEN json_object('segments', json_array(named.ev))
      ELSE json_object('window', json_object('fromS', a.first_s, 'toS', a.last_e), 'count', ec.n) END AS evidence
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN eligible_count ec USING (ck)
  LEFT JOIN named USING (ck)`;

/** The client's first request: his first segment that names a product. */
const REQUEST_CTE = `
  request AS (
    SELECT ck, arg_min(seq, start_s * 1000000 + seq) AS seq, arg_min(start_s, start_s * 1000000 + seq) AS start_s,
      arg_min(end_s, start_s * 1000000 + seq) AS end_s
    FROM aq_mention WHERE speaker = 'customer' GROUP BY ck
  )`;

/**
 * After the client's first request, the distinct products the agent names that the client had not
 * named before (in a segment that started earlier); at least $min of them pass. Each product's
 * first offer is picked by its row (an integer), and only the picked rows are made evidence: an
 * `arg_min` of the evidence's struct over every offer was most of the query's time.
 */
export const UPSELL_SQL = `
  WITH ${REQUEST_CTE},
  offered AS (
    SELECT m.ck, arg_min(m.rowid, ${first('m')}) AS mention, min(${first('m')}) AS k
    FROM aq_mention m JOIN request r USING (ck)
    LEFT JOIN aq_client_named cn USING (ck, item_no)
    WHERE m.speaker = 'agent' AND m.start_s > r.end_s AND (${ON_HIS_OWN})
    GROUP BY m.ck, m.item_no
  ),
  per_call AS (
    SELECT o.ck, count(*) AS n, ${inOrder('o.k', said(at('m'), 'p', true))} AS evs
    FROM offered o JOIN aq_mention m ON m.rowid = o.mention JOIN aq_phrases p ON p.phrase_id = m.phrase_id
    GROUP BY o.ck
  )
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered OR r.ck IS NULL THEN 'na' WHEN coalesce(pc.n, 0) >= $min THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      WHEN r.ck IS NULL THEN ${reason('no order request')}
      ELSE json_object('segments', coalesce(pc.evs, '[]'::JSON), 'count', coalesce(pc.n, 0),
        'window', json_object('fromS', r.end_s, 'toS', greatest(a.last_e, r.end_s))) END AS evidence
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN request r USING (ck)
  LEFT JOIN per_call pc USING (ck)`;

/**
 * The agent states a day or time ($when) in a segment that speaks of the delivery ($delivery), or
 * that answers the client's segment about it (the client's latest segment before it).
 */
export const DELIVERY_SQL = `
  WITH ${REQUEST_CTE},
  about_delivery AS (SELECT DISTINCT ck, seq FROM aq_hit WHERE list_no = $delivery),
  said_when AS (
    SELECT ck, seq, start_s, end_s, phrase_id, tie, pos_from FROM aq_hit WHERE list_no = $when AND speaker = 'agent'
  ),
  client_before AS (
    SELECT w.*, q.seq AS client_seq
    FROM said_when w ASOF LEFT JOIN (SELECT ck, seq, start_s FROM aq_segs WHERE speaker = 'customer') q
      ON q.ck = w.ck AND q.start_s < w.start_s
  ),
  stated_pick AS (
    SELECT w.ck, arg_min(${pick('w')}, ${first('w')}) AS ev
    FROM client_before w
    LEFT JOIN about_delivery d ON d.ck = w.ck AND d.seq = w.seq
    LEFT JOIN about_delivery q ON q.ck = w.ck AND q.seq = w.client_seq
    WHERE d.ck IS NOT NULL OR q.ck IS NOT NULL
    GROUP BY w.ck
  ),
  ${evidenceOf('stated', 'stated_pick')}
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered OR r.ck IS NULL THEN 'na'
      WHEN stated.ck IS NOT NULL THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      WHEN r.ck IS NULL THEN ${reason('no order request')}
      WHEN stated.ck IS NOT NULL THEN json_object('segments', json_array(stated.ev))
      ELSE json_object('window', json_object('fromS', r.start_s, 'toS', greatest(a.last_e, r.end_s))) END AS evidence
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN request r USING (ck)
  LEFT JOIN stated USING (ck)`;

/**
 * The products the client ordered (named in a segment of his, not beside a refusal within
 * $decline words nor in a question about it), and those the agent names back in a segment that
 * starts after the client's first such segment ends; at least $min of them pass, fewer than $min
 * ordered is 'na'.
 */
export const READ_BACK_SQL = `
  WITH blocked AS (
    -- The client's mentions in a question, or beside a refusal, by row: one join on the segment,
    -- then an anti-join on an integer (a correlated NOT EXISTS with an OR cost more).
    SELECT DISTINCT b.rowid AS mention
    FROM aq_mention b JOIN aq_hit h ON h.ck = b.ck AND h.seq = b.seq
    WHERE b.speaker = 'customer' AND h.list_no IN ($question, $negation)
      AND (h.list_no = $question OR (h.pos_to >= b.pos_from - $decline AND h.pos_from <= b.pos_to + $decline))
  ),
  asked AS (
    SELECT m.ck, m.item_no, min(m.end_s) AS named_end
    FROM aq_mention m
    WHERE m.speaker = 'customer' AND m.rowid NOT IN (SELECT mention FROM blocked)
    GROUP BY m.ck, m.item_no
  ),
  ordered AS (SELECT ck, count(*) AS n FROM asked GROUP BY ck),
  read_back AS (
    SELECT o.ck, o.item_no, arg_min(${pick('m')}, ${first('m')}) AS ev, min(${first('m')}) AS k
    FROM asked o JOIN aq_mention m ON m.ck = o.ck AND m.item_no = o.item_no
    WHERE m.speaker = 'agent' AND m.start_s > o.named_end
    GROUP BY o.ck, o.item_no
  ),
  per_call AS (
    SELECT r.ck, count(*) AS n, ${inOrder('r.k', said(picked('r.ev'), 'p', true))} AS evs
    FROM read_back r JOIN aq_phrases p ON p.phrase_id = r.ev.pid GROUP BY r.ck
  )
  SELECT c.call_id,
    CASE WHEN a.ck IS NULL OR NOT c.covered OR coalesce(o.n, 0) < $min THEN 'na'
      WHEN coalesce(pc.n, 0) >= $min THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      WHEN coalesce(o.n, 0) < $min THEN json_object('reason', 'fewer products ordered than needed', 'count', coalesce(o.n, 0))
      ELSE json_object('segments', coalesce(pc.evs, '[]'::JSON), 'count', coalesce(pc.n, 0),
        'window', json_object('fromS', a.first_s, 'toS', a.last_e)) END AS evidence
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN ordered o USING (ck)
  LEFT JOIN per_call pc USING (ck)`;

/** The client owed (overdue, or over his limit) at the call's time, and the agent speaks of it. */
export const DEBT_SQL = `
  WITH picked AS (
    SELECT h.ck, arg_min(${pick('h')}, ${first('h')}) AS ev
    FROM aq_hit h
    WHERE h.list_no = $list AND h.speaker = 'agent'
    GROUP BY h.ck
  ),
  ${HEARD}
  SELECT c.call_id,
    CASE WHEN NOT c.has_debt OR a.ck IS NULL OR NOT c.covered THEN 'na' WHEN heard.ck IS NOT NULL THEN 'pass' ELSE 'fail' END AS result,
    CASE WHEN NOT c.has_debt THEN ${reason('no overdue or excess debt')}
      WHEN a.ck IS NULL THEN ${NO_AGENT}
      WHEN NOT c.covered THEN ${NOT_COVERED}
      ${heardOrWindow('a.first_s', 'a.last_e')}
  FROM aq_calls c LEFT JOIN aq_agent a USING (ck) LEFT JOIN heard USING (ck)`;

/** The longest stretch no segment of either side covers, between the first word and the last (aq_time). */
export const DEAD_AIR_SQL = `
  SELECT c.call_id,
    CASE WHEN NOT coalesce(t.timed, false) THEN 'na' WHEN coalesce(t.gap, 0) > $max THEN 'fail' ELSE 'pass' END AS result,
    CASE WHEN NOT coalesce(t.timed, false) THEN ${reason('no timings')}
      WHEN coalesce(t.gap, 0) > 0 THEN json_object('window', json_object('fromS', t.gap_from, 'toS', t.gap_to))
      ELSE json_object('count', 0) END AS evidence
  FROM aq_calls c LEFT JOIN aq_time t USING (ck)`;

/** Agent segments that start while a client's segment is still going on (aq_time); more than $max fail. */
export const TALK_OVER_SQL = `
  SELECT c.call_id,
    CASE WHEN NOT coalesce(t.labelled, false) THEN 'na' WHEN coalesce(t.talk_n, 0) > $max THEN 'fail' ELSE 'pass' END AS result,
    CASE WHEN NOT coalesce(t.labelled, false) THEN ${reason('no speaker labels')}
      ELSE json_object('segments', coalesce(to_json(t.talk_evs), '[]'::JSON), 'count', coalesce(t.talk_n, 0)) END AS evidence
  FROM aq_calls c LEFT JOIN aq_time t USING (ck)`;
