/** Per check and language, how many calls AutoQA and a human reading agree on. */
export interface Agreement {
  check: string;
  language: string;
  agree: number;
  calls: number;
}

export type Labels = Record<string, Record<string, string>>;

/** The language of a sample call, from its id (`SH-EN-01` → `en`). */
export const languageOf = (callId: string) => (callId.split('-')[1] ?? '').toLowerCase();

export function agreement(
  got: Labels,
  expected: Labels,
  language = languageOf,
): { table: Agreement[]; disagreements: string[] } {
  const cells = new Map<string, Agreement>();
  const disagreements: string[] = [];
  for (const [callId, checks] of Object.entries(expected)) {
    for (const [check, want] of Object.entries(checks)) {
      const lang = language(callId);
      const key = `${check}/${lang}`;
      const cell = cells.get(key) ?? { check, language: lang, agree: 0, calls: 0 };
      cells.set(key, cell);
      cell.calls++;
      const have = got[callId]?.[check] ?? 'missing';
      if (have === want) cell.agree++;
      else disagreements.push(`${callId} ${check}: autoqa ${have}, human ${want}`);
    }
  }
  return { table: [...cells.values()], disagreements };
}

export function agreementTable(table: readonly Agreement[]): string {
  return table
    .map(
      (a) =>
        `${a.check.padEnd(20)} ${a.language}  ${a.agree}/${a.calls}  ${((a.agree / a.calls) * 100).toFixed(0)}%`,
    )
    .join('\n');
}
