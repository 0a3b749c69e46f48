import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { NamesResponse } from '../../../schemas/names.ts';
import { api, call, withSignal } from './client.ts';

/** Shows users, operators and teams by name; an id the directory lacks is shown as it is. */
export interface Namer {
  user(username: string | null | undefined): string;
  operator(operatorId: string | null | undefined): string;
  team(teamId: string | null | undefined): string;
}

const EMPTY = '—';

export const namesKey = ['names'] as const;

export function namer(names: NamesResponse | undefined): Namer {
  const pick = (map: Record<string, string> | undefined) => (id: string | null | undefined) =>
    id ? (map && Object.hasOwn(map, id) ? (map[id] ?? id) : id) : EMPTY;
  const operator = pick(names?.operators);
  const users = names?.users;
  // An imported record may name an operator by his id where a username would be (who disputed).
  const user = (id: string | null | undefined) =>
    id && users && !Object.hasOwn(users, id) ? operator(id) : pick(users)(id);
  return { user, operator, team: pick(names?.teams) };
}

/** `GET /api/names`, kept for the session: the names of everyone the user may see. */
export function useNames(): Namer {
  const query = useQuery({
    queryKey: namesKey,
    queryFn: ({ signal }) => call(api.names.$get(undefined, withSignal(signal))),
    staleTime: 10 * 60_000,
  });
  return useMemo(() => namer(query.data), [query.data]);
}
