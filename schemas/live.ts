/**
 * Today's queue figures so far (`GET /api/live/queues`): what a live feed (`import --follow`)
 * brings in, per queue and in total, for a card that refreshes by itself.
 */

export interface LiveFigures {
  /** Callers in the queue now: entered, not answered, not ended (the queue_log's open calls). */
  waiting: number;
  /** Inbound calls over today that an operator answered. */
  answered: number;
  /** Inbound calls over today that ended unanswered. */
  abandoned: number;
  /** Answered within the settings' threshold, of the inbound calls over today; null before the first. */
  serviceLevel: number | null;
  /** Mean seconds an answered call waited; null before the first. */
  avgWaitSeconds: number | null;
  /** Operators talking on a queue call now. */
  onCall: number;
}

export interface LiveQueue extends LiveFigures {
  queue: string;
}

export interface LiveQueuesResponse {
  /** Today, in the company's time zone. */
  day: string;
  timeZone: string;
  serviceLevelSeconds: number;
  /** When these figures were computed (ISO instant). */
  asOf: string;
  /** The newest event the stores hold, from any feed (ISO instant); an old one means the feed stopped. */
  newestEventAt: string | null;
  total: LiveFigures;
  queues: LiveQueue[];
}
