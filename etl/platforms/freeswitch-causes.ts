/**
 * FreeSWITCH hangup causes (Q.850 names) of a call no one took, by the canonical disposition they
 * give. Any other cause of an unanswered call (UNALLOCATED_NUMBER, NO_ROUTE_DESTINATION,
 * NORMAL_TEMPORARY_FAILURE, RECOVERY_ON_TIMER_EXPIRE …) is `failed`. ORIGINATOR_CANCEL is the
 * caller hanging up while it rang: `abandoned` for an inbound caller, `no_answer` when an operator
 * gave up dialling.
 */
const NO_ANSWER = ['NO_ANSWER', 'NO_USER_RESPONSE', 'ALLOTTED_TIMEOUT', 'NORMAL_CLEARING', 'LOSE_RACE'];
const BUSY = ['USER_BUSY', 'CALL_REJECTED'];

const list = (xs: string[]) => `(${xs.map((x) => `'${x}'`).join(', ')})`;

/** The disposition of an unanswered call by its cause (`cause` upper-cased, `outbound` a boolean). */
export const unansweredDisposition = (cause: string, outbound: string) => `CASE
  WHEN ${cause} = 'ORIGINATOR_CANCEL' THEN CASE WHEN ${outbound} THEN 'no_answer' ELSE 'abandoned' END
  WHEN ${cause} IN ${list(NO_ANSWER)} THEN 'no_answer'
  WHEN ${cause} IN ${list(BUSY)} THEN 'busy'
  ELSE 'failed' END`;
