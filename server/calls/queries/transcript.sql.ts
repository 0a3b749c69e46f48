/** A call's transcript: its one header row. */
export const TRANSCRIPT_SQL = `
SELECT language, engine, speakers_known FROM transcripts WHERE call_id = $id LIMIT 1`;

/** A call's transcript segments in the order spoken. */
export const TRANSCRIPT_SEGMENTS_SQL = `
SELECT seq, speaker, start_s, end_s, text FROM transcript_segments WHERE call_id = $id ORDER BY seq`;
