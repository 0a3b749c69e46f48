import { isUtf8 } from 'node:buffer';

/**
 * A transcript in a file of its own (WebVTT, whisper's JSON), as rows for tr_stage: parsed in
 * JavaScript, since such a file holds one call, and its call found by the file's name.
 */
export interface PerCallRow {
  /** The file's line of the segment (WebVTT: its timing line; whisper JSON: the segment's number). */
  line: number;
  /** The segment's number in the file, 1 up; 0 for a block that holds no segment to read. */
  idx: number;
  speaker: string | null;
  start_s: string | null;
  end_s: string | null;
  text: string | null;
  /** Why a block holds no segment (idx 0). */
  problem: string | null;
  /** The text quarantined for the row: the cue as written, the segment's JSON. */
  raw: string;
}

export interface PerCallTranscript {
  language: string | null;
  engine: string | null;
  rows: PerCallRow[];
}

export const NOT_UTF8 = "is not UTF-8 text (see the note on the file's encoding)";

/** Audio extensions a speech-to-text tool leaves in its output's name (`CALL-1.wav.json`). */
const AUDIO = /\.(wav|mp3|ogg|oga|opus|flac|m4a|gsm|aac|webm)$/i;

/**
 * The name a per-call file gives its call, and the language it may name (`CALL-1.ru.vtt`): the file
 * name without `.gz`, its own extension and an audio one.
 */
export function fileStem(fileName: string): { stem: string; language: string | null } {
  let stem = fileName.replace(/\.gz$/i, '').replace(/\.(vtt|json)$/i, '');
  stem = stem.replace(AUDIO, '');
  const lang = /^(.+)\.([a-z]{2})$/i.exec(stem);
  if (lang)
    return { stem: (lang[1] as string).replace(AUDIO, ''), language: (lang[2] as string).toLowerCase() };
  return { stem, language: null };
}

/**
 * A file's lines as text (a line ends at LF, CRLF or a lone CR, as WebVTT allows), each marked
 * when its bytes are not UTF-8 (read with U+FFFD for them). A UTF-8 byte order mark is skipped.
 */
export function textLines(bytes: Buffer): { text: string; utf8: boolean }[] {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const out: { text: string; utf8: boolean }[] = [];
  let start = 0;
  const push = (end: number) => {
    const line = body.subarray(start, end);
    out.push({ text: line.toString('utf8'), utf8: isUtf8(line) });
  };
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b !== 10 && b !== 13) continue;
    push(i);
    if (b === 13 && body[i + 1] === 10) i++;
    start = i + 1;
  }
  push(body.length);
  return out;
}
