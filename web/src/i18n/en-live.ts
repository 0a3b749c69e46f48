/** English messages of the dashboard's live card (today's queues); spread into `en`. */
export const enLive = {
  'live.title': "Today's queues",
  'live.meta': 'Updated {updated} · newest event {newest}',
  'live.metaNoEvent': 'Updated {updated} · no event yet',
  'live.stale': 'No new event for {minutes} min: is the feed running?',
  'live.empty': 'No queue call today yet',
  'live.emptyBody': 'Calls appear here as the phone system writes them (callscore import … --follow).',
  'live.queue': 'Queue',
  'live.total': 'All queues',
  'live.waiting': 'Waiting now',
  'live.answered': 'Answered',
  'live.abandoned': 'Abandoned',
  'live.serviceLevel': 'Service level ({seconds} s)',
  'live.avgWait': 'Average wait',
  'live.onCall': 'On calls now',
} as const;
