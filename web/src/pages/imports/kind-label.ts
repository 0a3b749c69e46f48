import { IMPORT_KINDS } from '../../../../schemas/kinds.ts';
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { valueLabel } from '../../i18n/values.ts';

/** Every kind the imports page takes, in the order a center loads them. */
export const UPLOAD_KINDS = [...IMPORT_KINDS, 'queue-log'] as const;

/**
 * A kind of import in the reader's language (`imports.kind.calls`); a kind the log holds but the
 * page does not take (`asterisk`) by the value catalogue, else as it is.
 */
export const kindName = (t: Translate, kind: string): string =>
  (UPLOAD_KINDS as readonly string[]).includes(kind)
    ? t(`imports.kind.${kind}` as MessageKey)
    : valueLabel(t, 'kind', kind);
