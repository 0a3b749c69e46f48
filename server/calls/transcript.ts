import { AppError } from '../../core/errors.ts';
import { SPEAKERS, type Speaker, type TranscriptResponse } from '../../schemas/autoqa.ts';
import type { Analytics } from '../../stores/duckdb.ts';
import { TRANSCRIPT_SEGMENTS_SQL, TRANSCRIPT_SQL } from './queries/transcript.sql.ts';

const speaker = (s: unknown): Speaker =>
  (SPEAKERS as readonly string[]).includes(String(s)) ? (String(s) as Speaker) : 'unknown';

/** The call's transcript with its segments; 404 when it has none. The caller checks the call is visible. */
export async function callTranscript(analytics: Analytics, callId: string): Promise<TranscriptResponse> {
  const [head] = await analytics.rows(TRANSCRIPT_SQL, { id: callId });
  if (!head) throw new AppError('not_found', `call ${callId} has no transcript`);
  const segments = await analytics.rows(TRANSCRIPT_SEGMENTS_SQL, { id: callId });
  return {
    callId,
    language: String(head.language),
    engine: head.engine == null ? null : String(head.engine),
    speakersKnown: Boolean(head.speakers_known),
    segments: segments.map((s) => ({
      seq: Number(s.seq),
      speaker: speaker(s.speaker),
      startS: Number(s.start_s),
      endS: Number(s.end_s),
      text: String(s.text),
    })),
  };
}
