import type { Heard, HeardSegment } from '../engine.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN);

/**
 * Whisper-style JSON, as the tools a `command` engine runs print it: whisper.cpp's `-oj`
 * (`transcription[]` with `offsets` in milliseconds, or `timestamps` as `hh:mm:ss,mmm`) and
 * faster-whisper / openai-whisper / vosk-transcriber (`segments[]` with `start`, `end` in seconds).
 * Returns null when the text is not such JSON.
 */
export function parseWhisperOutput(text: string): Heard | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(doc)) return null;
  const result = isObject(doc.result) ? doc.result : {};
  const language =
    typeof (doc.language ?? result.language) === 'string'
      ? String(doc.language ?? result.language)
      : undefined;
  const segments: HeardSegment[] = [];
  if (Array.isArray(doc.transcription)) {
    for (const s of doc.transcription) {
      if (!isObject(s)) continue;
      const offsets = isObject(s.offsets) ? s.offsets : null;
      const stamps = isObject(s.timestamps) ? s.timestamps : null;
      const startS = offsets ? num(offsets.from) / 1000 : stampSeconds(stamps?.from);
      const endS = offsets ? num(offsets.to) / 1000 : stampSeconds(stamps?.to);
      segments.push({ startS, endS, text: String(s.text ?? '').trim() });
    }
  } else if (Array.isArray(doc.segments)) {
    for (const s of doc.segments) {
      if (!isObject(s)) continue;
      segments.push({ startS: num(s.start), endS: num(s.end), text: String(s.text ?? '').trim() });
    }
  } else {
    return null;
  }
  const ok = segments.filter(
    (s) => s.text && Number.isFinite(s.startS) && Number.isFinite(s.endS) && s.endS >= s.startS,
  );
  return { ...(language ? { language: language.toLowerCase() } : {}), segments: ok };
}

/** whisper.cpp's `00:00:03,100`. */
function stampSeconds(v: unknown): number {
  const m = /^(\d+):(\d+):(\d+)[,.](\d+)$/.exec(String(v ?? ''));
  if (!m) return Number.NaN;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(`0.${m[4]}`);
}
