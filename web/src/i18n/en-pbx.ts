/** English messages naming a call's phone system (PBX) and its id there, and an import's source; spread into `en`. */
export const enPbx = {
  'pbx.source': 'Phone system',
  'pbx.uniqueId': 'Id in the phone system',
  'pbx.sourceOf': 'From the phone system {source}',
  'imports.source': 'Source',
  'imports.sourceOf': 'source {source}',
} as const;
