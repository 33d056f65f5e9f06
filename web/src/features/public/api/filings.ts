// The public filings and tracking, as TanStack Query mutations over the typed client (POSTs: nothing is cached).
import { useMutation } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '@/lib/api/client.ts';

export const useFileObjection = () =>
  useMutation({
    mutationFn: (body: Schemas['PublicObjectionInput']) => unwrap(api.POST('/api/v1/public/objections', { body })),
  });

export const useFileRepair = () =>
  useMutation({
    mutationFn: (body: Schemas['PublicRepairInput']) => unwrap(api.POST('/api/v1/public/repairs', { body })),
  });

export const useTrack = () =>
  useMutation({
    mutationFn: (body: Schemas['TrackingRequestInput']) => unwrap(api.POST('/api/v1/public/tracking', { body })),
  });

export const useWithdraw = () =>
  useMutation({
    mutationFn: (body: Schemas['TrackingRequestInput']) =>
      unwrap(api.POST('/api/v1/public/tracking/withdrawal', { body })),
  });
