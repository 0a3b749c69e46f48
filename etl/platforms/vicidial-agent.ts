import { AppError } from '../../core/errors.ts';
import type { PlatformReader } from './reader.ts';
import { headerOf } from './vicidial-header.ts';

/**
 * vicidial_agent_log is agent time (pause, wait, talk, dispo seconds per lead), not calls, and
 * callscore has no kind for it. Its talk and dispo seconds would be a call's talk_s and wrap_s,
 * but a calls import replaces a call whole, so a call made of them would erase what the call logs
 * say of it. The export is recognised, so that it is refused with that reason rather than read as
 * something else.
 */
export const vicidialAgent: PlatformReader = {
  format: 'vicidial-agent',
  kind: 'calls',
  platform: 'VICIdial vicidial_agent_log',
  detect: (head) => {
    const h = headerOf(head);
    return h.includes('agent_log_id') && h.includes('talk_sec') && h.includes('dispo_sec');
  },
  async stage() {
    throw new AppError(
      'bad_request',
      'vicidial_agent_log holds agent time (pause, wait, talk, dispo), not calls, and is not read: ' +
        'import vicidial_closer_log and vicidial_log for the calls',
    );
  },
};
