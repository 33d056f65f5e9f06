import { z } from 'zod';
import { Attachment, freeText, pageParams } from '../shared/index.ts';
import { Party } from './party.ts';
import { TargetRef } from './targets.ts';

// Schema parts every party application (objection, repair) shares: where it came from, who handles it, how the
// filer named its target, and the list query.

/** Prose: line breaks are kept (shared/free-text.ts). */
export const text = (max = 5000) => freeText(z.string().trim().min(1).max(max));

export const ORIGINS = ['department', 'public', 'credit_china', 'provincial'] as const;
export const UPWARD_ORIGINS = ['credit_china', 'provincial'] as const;

/** The origin of a filing made through a department or the credit office (upward platforms). */
export const originFields = {
  origin: z
    .enum(['department', ...UPWARD_ORIGINS])
    .default('department')
    .describe('来源：department 部门代收；credit_china 信用中国、provincial 省级平台转来（仅信用办账号或其 API 密钥）'),
  originRef: z.string().trim().min(1).max(100).optional().describe('上级平台的受理编号（来源为上级平台时必填）'),
};

export const DepartmentRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const NamedTarget = z.object({
  stream: z.string().optional(),
  id: z.string().optional(),
  documentNo: z.string().optional(),
});

/** The list query of an application kind: its states, the origin, a keyset page. */
export const applicationQuery = <S extends readonly [string, ...string[]]>(states: S) =>
  z.object({ state: z.enum(states).optional(), origin: z.enum(ORIGINS).optional(), ...pageParams });

const described = <T extends z.ZodType>(schema: T, words?: string) => (words ? schema.describe(words) : schema);

/** The fields of the government view every kind shows; the kinds give their own words where they differ. */
export const applicationViewFields = (words: {
  applicationNo?: string;
  target: string;
  namedTarget?: string;
  department?: string;
  dueDate: string;
  decidedAt?: string;
}) => ({
  id: z.uuid(),
  applicationNo: described(z.string(), words.applicationNo),
  target: TargetRef.nullable().describe(words.target),
  namedTarget: described(NamedTarget.nullable(), words.namedTarget),
  department: described(DepartmentRef, words.department),
  origin: z.enum(ORIGINS),
  originRef: z.string().nullable(),
  party: Party,
  dueDate: z.iso.date().nullable().describe(words.dueDate),
  dueDays: z.number().int(),
  decidedAt: described(z.iso.datetime().nullable(), words.decidedAt),
  closedAt: z.iso.datetime().nullable(),
  attachments: z.array(Attachment),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
