// react-query over api.call. Keys are [method, input] so one method's reads can be invalidated together.
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../db/contract';
import { api } from './client';
import type { ApiError } from './errors';

export const queryKey = <M extends MethodName>(method: M, input?: Input<M>) => (input === undefined ? [method] : [method, input]);

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Output<M>, ApiError>({ queryKey: queryKey(method, input), queryFn: () => api.call(method, input), ...options });
}

/** A write; on success the listed methods' cached reads are refetched. */
export function useApiMutation<M extends MethodName>(method: M, invalidates: MethodName[] = []) {
  const qc = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: async () => {
      await Promise.all(invalidates.map((m) => qc.invalidateQueries({ queryKey: [m] })));
    },
  });
}
