import type { enLive } from './en-live.ts';

/** Romanian messages of the dashboard's live card (today's queues); spread into `ro`. */
export const roLive: { readonly [K in keyof typeof enLive]: string } = {
  'live.title': 'Cozile de azi',
  'live.meta': 'Actualizat la {updated} · ultimul eveniment {newest}',
  'live.metaNoEvent': 'Actualizat la {updated} · niciun eveniment încă',
  'live.stale': 'Niciun eveniment nou de {minutes} min: funcționează preluarea de la centrală?',
  'live.empty': 'Niciun apel în cozi azi încă',
  'live.emptyBody': 'Apelurile apar aici pe măsură ce centrala le scrie (callscore import … --follow).',
  'live.queue': 'Coadă',
  'live.total': 'Toate cozile',
  'live.waiting': 'În așteptare acum',
  'live.answered': 'Preluate',
  'live.abandoned': 'Abandonate',
  'live.serviceLevel': 'Nivel de serviciu ({seconds} s)',
  'live.avgWait': 'Așteptare medie',
  'live.onCall': 'În convorbire acum',
};
