import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NewUserRequest, UserLimitRequest } from '../../../schemas/users.ts';
import { api, call, withSignal } from './client.ts';
import { namesKey } from './names.ts';

/** Hooks for the administrator's list of users. */
const usersKey = ['admin', 'users'] as const;

/** `GET /api/admin/users`. */
export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => call(api.admin.users.$get(undefined, withSignal(signal))),
  });
}

/** `POST /api/admin/users`. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUserRequest) => call(api.admin.users.$post({ json: body })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: usersKey });
      // A new user is a new name to show.
      void client.invalidateQueries({ queryKey: namesKey });
    },
  });
}

/** `PUT /api/admin/users/:id/limit`: the department or team a head sees, or neither. */
export function useSetUserLimit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number } & UserLimitRequest) =>
      call(
        api.admin.users[':id'].limit.$put({
          param: { id: String(v.id) },
          json: { department: v.department, team: v.team },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
