import type { AttachmentMeta, WithRefs } from './applications.repository.ts';
import { presentParty } from './party.ts';

// The part of the government view every application kind shows alike; the kinds add their own fields.

interface CoreRow {
  id: string;
  application_no: string;
  target_stream: 'entry' | 'record' | null;
  target_id: string | null;
  origin: string;
  origin_ref: string | null;
  party: unknown;
  due_date: string | null;
  due_days: number;
  decided_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const presentAttachment = (f: AttachmentMeta) => ({
  id: f.id,
  fileName: f.file_name,
  contentType: f.content_type,
  size: f.size,
  sha256: f.sha256,
  createdAt: f.created_at.toISOString(),
});

/** The party's ID number only masked, never the digest. */
export function presentApplication<R extends CoreRow>({ row: a, department, attachments }: WithRefs<R>) {
  return {
    id: a.id,
    applicationNo: a.application_no,
    target: a.target_stream && a.target_id ? { stream: a.target_stream, id: a.target_id } : null,
    namedTarget: (a.party as { namedTarget?: Record<string, string> }).namedTarget ?? null,
    department,
    origin: a.origin as 'department' | 'public' | 'credit_china' | 'provincial',
    originRef: a.origin_ref,
    party: presentParty(a.party as Record<string, unknown>),
    dueDate: a.due_date,
    dueDays: a.due_days,
    decidedAt: a.decided_at?.toISOString() ?? null,
    closedAt: a.closed_at?.toISOString() ?? null,
    attachments: attachments.map(presentAttachment),
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}
