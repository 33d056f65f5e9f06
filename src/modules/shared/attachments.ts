import { createHash } from 'node:crypto';
import { z } from 'zod';
import * as repo from './attachments.repository.ts';
import type { AttachmentOwner } from './attachments.repository.ts';
import { unprocessable } from './errors.ts';
import { uuidv7 } from './ids.ts';
import type { Executor } from './ledger.ts';

export { readAttachment, type AttachmentOwner } from './attachments.repository.ts';

// Files sent with filings (objections, repairs, tip-offs, commitments) travel as base64 inside the JSON body and are
// kept in table attachments. The limits are checked here, not in the schema, so the party reads a precise message.

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
/** Body limit for routes that carry attachments: five files of 2 MiB in base64, plus the rest of the form. */
export const ATTACHMENT_BODY_LIMIT = 16 * 1024 * 1024;

type Kind = { label: string; extensions: string[]; matches(content: Buffer): boolean };
const startsWith = (bytes: number[]) => (c: Buffer) => bytes.every((b, i) => c[i] === b);
const KINDS: Record<string, Kind> = {
  'application/pdf': { label: 'PDF', extensions: ['.pdf'], matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  'image/jpeg': { label: 'JPEG', extensions: ['.jpg', '.jpeg'], matches: startsWith([0xff, 0xd8, 0xff]) },
  'image/png': {
    label: 'PNG',
    extensions: ['.png'],
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  // OFD (GB/T 33190) is a zip container.
  'application/ofd': { label: 'OFD', extensions: ['.ofd'], matches: startsWith([0x50, 0x4b, 0x03, 0x04]) },
  'text/plain': { label: '纯文本', extensions: ['.txt'], matches: isUtf8Text },
};
export const ALLOWED_CONTENT_TYPES = Object.keys(KINDS);

export const AttachmentInput = z
  .object({
    fileName: z.string().trim().min(1).max(200).describe('文件名，须带扩展名（.pdf .jpg .jpeg .png .ofd .txt）'),
    contentType: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe(`文件类型：${ALLOWED_CONTENT_TYPES.join('、')}`),
    content: z.string().max(3_000_000).describe('文件内容，Base64 编码；每个文件不超过 2 MiB'),
  })
  .meta({ id: 'AttachmentUpload' });
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const AttachmentsInput = z
  .array(AttachmentInput)
  .max(20)
  .default([])
  .describe(`附件，最多 ${MAX_ATTACHMENTS} 个，每个不超过 2 MiB；限 PDF、JPEG、PNG、OFD、TXT`);

export const Attachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int().describe('字节数'),
    sha256: z.string().describe('文件内容的 SHA-256（十六进制）'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });

export interface DecodedAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
  size: number;
  sha256: string;
}

/** Decodes and checks every file before anything is written: a bad file refuses the whole filing. */
export function decodeAttachments(files: AttachmentInput[], field = 'attachments'): DecodedAttachment[] {
  if (files.length > MAX_ATTACHMENTS) {
    throw unprocessable('attachment.too_many', `附件最多 ${MAX_ATTACHMENTS} 个，本次提交了 ${files.length} 个。`, {
      field,
    });
  }
  return files.map((file, i) => decodeOne(file, `${field}[${i}]`, i + 1));
}

function decodeOne(file: AttachmentInput, field: string, n: number): DecodedAttachment {
  const fileName = cleanFileName(file.fileName);
  const contentType = file.contentType.toLowerCase().split(';')[0]!.trim();
  const kind = KINDS[contentType];
  if (!fileName)
    throw unprocessable('attachment.invalid_name', `第 ${n} 个附件的文件名无效。`, { field: `${field}.fileName` });
  if (!kind) {
    throw unprocessable(
      'attachment.type_not_allowed',
      `第 ${n} 个附件「${fileName}」的类型不允许，只接受 PDF、JPEG、PNG、OFD 或 TXT 文件。`,
      { field: `${field}.contentType` },
    );
  }
  if (!kind.extensions.some((ext) => fileName.toLowerCase().endsWith(ext))) {
    throw unprocessable(
      'attachment.extension_mismatch',
      `第 ${n} 个附件「${fileName}」的扩展名与类型 ${kind.label} 不符（应为 ${kind.extensions.join(' 或 ')}）。`,
      { field: `${field}.fileName` },
    );
  }
  const text = file.content.replace(/\s+/g, '');
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) {
    throw unprocessable('attachment.invalid_base64', `第 ${n} 个附件「${fileName}」的内容不是有效的 Base64 编码。`, {
      field: `${field}.content`,
    });
  }
  const content = Buffer.from(text, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES) {
    throw unprocessable(
      'attachment.too_large',
      `第 ${n} 个附件「${fileName}」大小为 ${(content.length / 1048576).toFixed(1)} MiB，超过 2 MiB 的上限。`,
      { field: `${field}.content` },
    );
  }
  if (!kind.matches(content)) {
    throw unprocessable('attachment.content_mismatch', `第 ${n} 个附件「${fileName}」的内容不是 ${kind.label} 文件。`, {
      field: `${field}.content`,
    });
  }
  return {
    fileName,
    contentType,
    content,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** The last path component, without control characters: the name is shown to staff and used in downloads. */
function cleanFileName(name: string): string {
  return (
    (name.split(/[\\/]/).pop() ?? '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"]/g, '')
      .trim()
      .slice(0, 200)
  );
}

function isUtf8Text(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** Seals a file's content (tip-offs): the ciphertext and the id of the key it was sealed under. */
export type Sealer = (content: Buffer, attachmentId: string) => { content: Buffer; keyId: string };

/** Stores checked files for their owner, inside the owner's write. Returns the stored metadata. */
export async function storeAttachments(
  tx: Executor,
  owner: AttachmentOwner,
  files: DecodedAttachment[],
  now: Date,
  seal?: Sealer,
) {
  // Ids sorted before use: files listed by id come back in the order they were sent, even within one millisecond.
  const ids = files.map(() => uuidv7(now.getTime())).sort();
  const rows = files.map((f, i) => {
    const id = ids[i]!;
    const sealed = seal ? seal(f.content, id) : null;
    return {
      id,
      owner_stream: owner.stream,
      owner_id: owner.id,
      file_name: f.fileName,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      content: sealed?.content ?? f.content,
      sealed: sealed !== null,
      key_id: sealed?.keyId ?? null,
      created_at: now,
    };
  });
  if (rows.length > 0) await repo.insertAttachments(tx, rows);
  return rows.map(presentAttachmentRow);
}

export async function listAttachments(db: Executor, owner: AttachmentOwner) {
  return (await repo.listAttachmentRows(db, owner)).map(presentAttachmentRow);
}

function presentAttachmentRow(r: {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}) {
  return {
    id: r.id,
    fileName: r.file_name,
    contentType: r.content_type,
    size: r.size,
    sha256: r.sha256,
    createdAt: r.created_at.toISOString(),
  };
}

/** Content-Disposition for a download whose name may be Chinese (RFC 6266 / RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
