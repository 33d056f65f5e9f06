import { useMutation } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '@/lib/api/client.ts';

export const useFileTipoff = () =>
  useMutation({
    mutationFn: (body: Schemas['PublicTipoffInput']) => unwrap(api.POST('/api/v1/public/tipoffs', { body })),
  });
