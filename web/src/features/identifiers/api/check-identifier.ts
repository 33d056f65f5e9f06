import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client.ts';

// POST, not GET /identifiers/{code}: the number (perhaps the user's own ID number) stays out of URLs and logs.
export const useCheckIdentifier = () =>
  useMutation({ mutationFn: (code: string) => unwrap(api.POST('/api/v1/identifiers', { body: { code } })) });
