import type { AutoFor, FormDefinition } from '../../schemas/forms.ts';
import type { Db } from '../../stores/sqlite.ts';
import { definitionOf } from '../forms/forms.repository.ts';

/** A form version that scores calls automatically. */
export interface AutoForm {
  id: number;
  formKey: string;
  version: number;
  definition: FormDefinition;
}

/** The form that scores each direction's calls; null where none does. */
export interface AutoFormsByDirection {
  inbound: AutoForm | null;
  outbound: AutoForm | null;
}

type FormRowLike = { id: number; form_key: string; version: number; status: string; definition: string };

/**
 * Which form scores which calls (docs/autoqa.md, "Auto evaluations"): of each form its latest
 * version, if published; a form for the call's direction wins over one for `all`; among equals,
 * the lowest form key, so the choice never depends on the order rows come in.
 */
export function pickAutoForms(rows: readonly FormRowLike[]): AutoFormsByDirection {
  const latest = new Map<string, FormRowLike>();
  for (const r of rows) {
    const seen = latest.get(r.form_key);
    if (!seen || r.version > seen.version) latest.set(r.form_key, r);
  }
  const forms = [...latest.values()]
    .filter((r) => r.status === 'published')
    .map((r) => ({ id: r.id, formKey: r.form_key, version: r.version, definition: definitionOf(r) }))
    .sort((a, b) => (a.formKey < b.formKey ? -1 : a.formKey > b.formKey ? 1 : 0));
  const first = (autoFor: AutoFor) => forms.find((f) => (f.definition.autoFor ?? 'none') === autoFor) ?? null;
  return {
    inbound: first('inbound') ?? first('all'),
    outbound: first('outbound') ?? first('all'),
  };
}

/** The forms that score calls now, read from the operational store. */
export async function autoForms(db: Db): Promise<AutoFormsByDirection> {
  const rows = await db
    .selectFrom('forms')
    .select(['id', 'form_key', 'version', 'status', 'definition'])
    .execute();
  return pickAutoForms(rows);
}
