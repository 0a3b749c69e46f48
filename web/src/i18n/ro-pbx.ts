import type { enPbx } from './en-pbx.ts';

/** Romanian messages naming a call's phone system (PBX) and its id there, and an import's source; spread into `ro`. */
export const roPbx: { readonly [K in keyof typeof enPbx]: string } = {
  'pbx.source': 'Centrala telefonică',
  'pbx.uniqueId': 'Id în centrala telefonică',
  'pbx.sourceOf': 'De la centrala {source}',
  'imports.source': 'Sursa',
  'imports.sourceOf': 'sursa {source}',
  'imports.kind.operator-states': 'Stările operatorilor (timpul de lucru)',
  'agentTime.title': 'Timp conectat',
  'agentTime.logged': 'Conectat',
  'agentTime.available': 'Disponibil',
  'agentTime.talk': 'Convorbire',
  'agentTime.wrap': 'Lucru după apel',
  'agentTime.pause': 'Pauză',
  'agentTime.occupancy': 'Grad de ocupare',
  'agentTime.occupancyHint': 'Convorbire și lucru după apel din timpul disponibil',
  'agentTime.pauseShare': 'Ponderea pauzelor',
  'agentTime.state': 'Stare',
  'agentTime.time': 'Timp',
  'agentTime.pauseReason': 'Pauză: {reason}',
  'agentTime.noReason': 'fără motiv',
};
