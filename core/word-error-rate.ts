/** A text's words for scoring: lower case, punctuation dropped (apostrophes inside words kept). */
export function scoringWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Word-level edit distance: substitutions + deletions + insertions turning `ref` into `hyp`. */
export function wordEdits(ref: readonly string[], hyp: readonly string[]): number {
  let prev = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const cur = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const same = ref[i - 1] === hyp[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + same);
    }
    prev = cur;
  }
  return prev[hyp.length] as number;
}

/**
 * Word error rate of a transcript against what was said: edits over the words said, pooled over
 * calls (the sum of edits over the sum of reference words), as speech-to-text figures are given.
 */
export function wordErrorRate(pairs: readonly { reference: string; hypothesis: string }[]): number {
  let edits = 0;
  let words = 0;
  for (const { reference, hypothesis } of pairs) {
    const ref = scoringWords(reference);
    edits += wordEdits(ref, scoringWords(hypothesis));
    words += ref.length;
  }
  return words ? edits / words : 0;
}
