import type { FormDefinition } from '../../schemas/forms.ts';

/** The call directions a form's auto evaluations cover (`autoFor`; absent is none). */
export function directionsCovered(def: FormDefinition): readonly string[] {
  switch (def.autoFor ?? 'none') {
    case 'inbound':
      return ['inbound'];
    case 'outbound':
      return ['outbound'];
    case 'all':
      return ['inbound', 'outbound'];
    default:
      return [];
  }
}

/**
 * The checks whose failure is critical on a call of each direction: those bound to a critical
 * question (section or form) of a form whose `autoFor` covers the direction. A check's failure
 * there fails the question that decides the section's or the form's score.
 */
export function criticalChecks(forms: readonly FormDefinition[]): { inbound: string[]; outbound: string[] } {
  const by = { inbound: new Set<string>(), outbound: new Set<string>() };
  for (const def of forms) {
    const keys = def.sections.flatMap((s) =>
      s.questions.filter((q) => q.critical !== 'none' && q.auto).map((q) => q.auto?.check as string),
    );
    for (const d of directionsCovered(def)) for (const k of keys) by[d as 'inbound' | 'outbound'].add(k);
  }
  return { inbound: [...by.inbound].sort(), outbound: [...by.outbound].sort() };
}
