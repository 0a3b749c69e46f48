import { AppError } from '../../core/errors.ts';
import { NOT_UTF8, type PerCallRow, type PerCallTranscript } from './per-call.ts';
import { speakerOf } from './speakers.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (v == null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Whisper's JSON output, as two families of tools write it:
 * - openai-whisper, faster-whisper, whisperX, the OpenAI API's verbose_json: `{"language": "ru",
 *   "segments": [{"start": 0.0, "end": 3.1, "text": " …"}]}` (whisperX adds `speaker`);
 * - whisper.cpp (`whisper-cli -oj`): `{"result": {"language": "ru"}, "transcription": [{"offsets":
 *   {"from": 0, "to": 3100}, "text": " …"}]}`, offsets in milliseconds.
 * Speakers are unknown unless a segment names one. A segment's line is its number in the file.
 */
export function parseWhisper(bytes: Buffer, fileName: string): PerCallTranscript {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const decoded = body.toString('utf8');
  const utf8 = Buffer.from(decoded, 'utf8').equals(body);
  let doc: unknown;
  try {
    doc = JSON.parse(decoded);
  } catch (e) {
    throw new AppError('bad_request', `cannot read ${fileName} as whisper-json: ${(e as Error).message}`);
  }
  if (!isObject(doc)) throw new AppError('bad_request', `${fileName} is not whisper's JSON: not an object`);
  const cpp = Array.isArray(doc.transcription);
  const segments = cpp ? doc.transcription : doc.segments;
  if (!Array.isArray(segments)) {
    throw new AppError('bad_request', `${fileName} is not whisper's JSON: it has no "segments" list`);
  }
  const result = isObject(doc.result) ? doc.result : {};
  const language = text(doc.language ?? result.language);
  const rows: PerCallRow[] = segments.map((seg: unknown, i): PerCallRow => {
    const raw = JSON.stringify(seg);
    const row = { line: i + 1, idx: i + 1, problem: null, raw };
    if (!isObject(seg)) {
      return {
        ...row,
        idx: 0,
        speaker: null,
        start_s: null,
        end_s: null,
        text: null,
        problem: 'is not a segment object',
      };
    }
    if (!utf8 && /\uFFFD/.test(String(seg.text ?? ''))) {
      return { ...row, idx: 0, speaker: null, start_s: null, end_s: null, text: null, problem: NOT_UTF8 };
    }
    const offsets = isObject(seg.offsets) ? seg.offsets : {};
    const ms = (v: unknown) => (typeof v === 'number' ? String(v / 1000) : text(v));
    return {
      ...row,
      speaker: speakerOf(text(seg.speaker)),
      start_s: cpp ? ms(offsets.from) : text(seg.start),
      end_s: cpp ? ms(offsets.to) : text(seg.end),
      text: text(seg.text),
    };
  });
  return { language, engine: cpp ? 'whisper.cpp' : 'whisper', rows };
}
