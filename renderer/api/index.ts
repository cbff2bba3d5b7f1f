export { api } from './client';
export { ApiError, isApiError, toApiError } from './errors';
export { useApiMutation, useApiQuery, queryKey } from './hooks';
