import { z } from 'zod';
import { type Executor, maskCitizenId, type Secrets, unprocessable } from '../shared/index.ts';
import { parseSubjectCode } from '../subjects/index.ts';
import * as repo from './targets.repository.ts';

// The party of an application (objection, repair): who it is (a code and a name) and how to reach it. A citizen ID number is
// kept only as its mask and its keyed digest (to find the subject), never in clear.

export const PartyInput = z
  .object({
    name: z.string().trim().min(1).max(200).describe('当事人名称或姓名'),
    uscc: z.string().max(40).optional().describe('统一社会信用代码（组织、个体工商户）'),
    citizenId: z.string().max(40).optional().describe('公民身份号码（自然人）；只保存掩码'),
    contact: z.string().trim().min(1).max(100).describe('联系方式（电话或地址）'),
  })
  .meta({ id: 'FilingParty' });
export type PartyInput = z.infer<typeof PartyInput>;

export interface StoredParty {
  name: string;
  contact: string;
  uscc: string | null;
  citizenIdMasked: string | null;
  citizenIdDigest: string | null;
}

export const Party = z
  .object({
    name: z.string(),
    uscc: z.string().nullable(),
    citizenIdMasked: z.string().nullable().describe('脱敏后的公民身份号码'),
    contact: z.string(),
  })
  .meta({ id: 'Party' });

/** Validates the party's code (422 naming the field) and returns what is stored. */
export function parseParty(secrets: Secrets, input: PartyInput, field: string, today: string): StoredParty {
  const code = parseSubjectCode(input, field, today);
  if (code.type === 'uscc')
    return {
      name: input.name,
      contact: input.contact,
      uscc: code.normalized,
      citizenIdMasked: null,
      citizenIdDigest: null,
    };
  return {
    name: input.name,
    contact: input.contact,
    uscc: null,
    citizenIdMasked: maskCitizenId(code.normalized),
    citizenIdDigest: secrets.digestCitizenId(code.normalized),
  };
}

/** The subject the party's code names, if the system knows it. */
export const subjectOfParty = (db: Executor, party: StoredParty): Promise<string | null> =>
  repo.subjectIdByCode(db, party);

/**
 * A department files for the party the decision concerns: the subject itself or, for a list entry, a person the
 * decision names (legal representative, principal, responsible person). Anyone else is refused with 422.
 */
export async function assertPartyOfTarget(
  db: Executor,
  party: StoredParty,
  target: { stream: 'entry' | 'record'; row: { id: string; subject_id: string } },
): Promise<void> {
  const subjectId = await subjectOfParty(db, party);
  if (subjectId === target.row.subject_id) return;
  if (subjectId && target.stream === 'entry' && (await repo.isPersonOfEntry(db, target.row.id, subjectId))) return;
  const what = target.stream === 'entry' ? '名单记录的主体或决定书列明的相关责任人' : '失信信息的主体';
  throw unprocessable('filing.party_mismatch', `当事人的代码与该${what}不一致，请核对当事人信息。`, {
    field: party.uscc ? 'party.uscc' : 'party.citizenId',
  });
}

export const presentParty = (p: Record<string, unknown>) => {
  const party = p as unknown as StoredParty;
  return {
    name: party.name,
    uscc: party.uscc ?? null,
    citizenIdMasked: party.citizenIdMasked ?? null,
    contact: party.contact,
  };
};
