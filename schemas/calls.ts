/** Calls through the API: search, one call's facts, the evaluation sample and assignments. */

/** One call as the API shows it; instants are UTC ISO text. */
export interface CallFacts {
  callId: string;
  operatorId: string | null;
  clientId: string | null;
  direction: string;
  disposition: string;
  taskType: string | null;
  outcome: string | null;
  queue: string | null;
  phone: string | null;
  startedAt: string;
  queuedAt: string | null;
  answeredAt: string | null;
  endedAt: string | null;
  talkS: number | null;
  holdS: number | null;
  wrapS: number | null;
  transferredTo: string | null;
  /** Path inside the recordings folder, or a URL; null when the call was not recorded. */
  recording: string | null;
}
