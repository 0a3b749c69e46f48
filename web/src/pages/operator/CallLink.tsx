import { Link } from 'react-router';
import { useCan } from '../../auth/access.tsx';
import { callHref } from './activity-tabs.ts';

/** A call's id, linked to its page for a user who may open calls (payroll reads it as text). */
export function CallLink({ id }: { id: string }) {
  return useCan('calls.read') ? <Link to={callHref(id)}>{id}</Link> : <span>{id}</span>;
}
