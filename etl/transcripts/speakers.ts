/** Speakers as the canonical formats name them. */
export type Speaker = 'agent' | 'customer' | 'unknown';

// Words a voice or label is given for each side, in the languages the center works in.
const AGENT = /^(agent|operator|оператор|агент|менеджер|operatorul|agentul)(?!\p{L})/iu;
const CUSTOMER = /^(customer|client|caller|клиент|абонент|звонящий|покупатель|clientul|apelant)(?!\p{L})/iu;

/**
 * The side a voice name or label means (`<v Agent>`, `Customer:`, whisperX's `SPEAKER_00`):
 * agent or operator is the agent, customer, client or caller the customer, anything else unknown.
 */
export function speakerOf(name: string | null | undefined): Speaker {
  const n = (name ?? '').trim();
  if (AGENT.test(n)) return 'agent';
  if (CUSTOMER.test(n)) return 'customer';
  return 'unknown';
}

/**
 * A cue's text that starts with its speaker's label (`Agent: Good morning`): the side and the text
 * after the label. A label that names neither side is left in the text: "Note: …" is words said.
 */
export function labelledText(text: string): { speaker: Speaker; text: string } | null {
  const m = /^\s*([^\s:][^:]{0,30}?)\s*:\s+(.*)$/s.exec(text);
  if (!m) return null;
  const speaker = speakerOf(m[1]);
  return speaker === 'unknown' ? null : { speaker, text: m[2] as string };
}
