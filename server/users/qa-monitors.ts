import { AppError } from '../../core/errors.ts';
import type { Db } from '../../stores/sqlite.ts';
import { activeUsersNamed } from './users.repository.ts';

/**
 * The active QA monitors (`qa`, `qa_lead`) of these names, each as stored, in the order given:
 * whom a call may be assigned to and who may join a calibration session. A name that is no
 * active monitor (in any case) is a 400 naming it.
 */
export async function qaMonitorsNamed(db: Db, names: readonly string[]): Promise<string[]> {
  const rows = await activeUsersNamed(db, names);
  const ok = new Map(
    rows
      .filter((r) => r.role === 'qa' || r.role === 'qa_lead')
      .map((r) => [r.username.toLowerCase(), r.username]),
  );
  const bad = names.filter((n) => !ok.has(n.toLowerCase()));
  if (bad.length) throw new AppError('bad_request', `not QA monitors: ${bad.join(', ')}`);
  return names.map((n) => ok.get(n.toLowerCase()) as string);
}
