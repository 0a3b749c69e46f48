import { describe, expect, it } from 'vitest';
import { translator } from '../../web/src/i18n/index.ts';
import { translateReason } from '../../web/src/pages/imports/reasons.ts';

const REASON =
  'started_at: is not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS][offset]); talk_s: is negative; ' +
  'operator_id: "OP-9" is not a known operator; import operators first';

describe('quarantine reasons in the language of the page', () => {
  it('keeps English as the importer wrote it', () => {
    expect(
      translateReason(translator('en'), 'talk_s: is negative; note: is longer than 200 characters'),
    ).toBe('talk_s: is negative; note: is longer than 200 characters');
  });

  it('puts each known problem in Russian and Romanian, keeping columns and values', () => {
    const ru = translateReason(translator('ru'), REASON);
    expect(ru).toBe(
      'started_at: не метка времени ISO 8601 (YYYY-MM-DDTHH:MM[:SS][смещение]); talk_s: отрицательное; ' +
        'operator_id: "OP-9": неизвестный объект (operator); сначала импортируйте его',
    );
    const ro = translateReason(
      translator('ro'),
      'note: is longer than 200 characters; status: is not one of open, done',
    );
    expect(ro).toBe(
      'note: are mai mult de 200 de caractere; status: nu este una dintre valorile: open, done',
    );
  });

  it('shows a reason it does not know as written', () => {
    const odd = 'the header names the column "x" twice (columns 1 and 2); rename or remove one';
    expect(translateReason(translator('ru'), odd)).toBe(odd);
  });
});
