import type { enPbx } from './en-pbx.ts';

/** Russian messages naming a call's phone system (PBX) and its id there, and an import's source; spread into `ru`. */
export const ruPbx: { readonly [K in keyof typeof enPbx]: string } = {
  'pbx.source': 'АТС',
  'pbx.uniqueId': 'Номер в АТС',
  'pbx.sourceOf': 'С АТС {source}',
  'imports.source': 'Источник',
  'imports.sourceOf': 'источник {source}',
};
