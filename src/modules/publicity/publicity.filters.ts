import type { PublicityFilter } from './publicity.repository.ts';

export const KIND_NAMES = { red: '红名单', black: '黑名单' } as const;

/** A list's filter from its query parameters (the JSON list, its CSV and feed, and the portal page share them). */
export const filterOf = (
  kind: 'red' | 'black',
  q: { listType?: string; department?: string; from?: string; to?: string },
): PublicityFilter => ({
  kind,
  ...(q.listType ? { listTypeCode: q.listType } : {}),
  ...(q.department ? { departmentCode: q.department } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
});
