import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NewUserRequest,
  UserLimitRequest,
  UserResponse,
  UsersResponse,
} from '../../../schemas/users.ts';
import { api } from './client.ts';

/** Hooks for the administrator's list of users. */
const usersKey = ['admin', 'users'] as const;

/** `GET /api/admin/users`. */
export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api.get<UsersResponse>('/api/admin/users', undefined, signal),
  });
}

/** `POST /api/admin/users`. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewUserRequest) => api.post<UserResponse>('/api/admin/users', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}

/** `PUT /api/admin/users/:id/limit`: the department or team a head sees, or neither. */
export function useSetUserLimit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number } & UserLimitRequest) =>
      api.put<UserResponse>(`/api/admin/users/${v.id}/limit`, { department: v.department, team: v.team }),
    onSuccess: () => void client.invalidateQueries({ queryKey: usersKey }),
  });
}
