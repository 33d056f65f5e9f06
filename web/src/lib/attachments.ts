// The API's limits for files sent with a filing (src/modules/shared/attachments.ts; src/test/web-api-types.test.ts
// fails when the two differ). The form shows them before a file is chosen and refuses a file that breaks them at once,
// naming the limit, instead of sending megabytes for the server to refuse.
import type { Schemas } from './api/client.ts';

export type AttachmentUpload = Schemas['AttachmentUploadInput'];

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

/** Accepted kinds by content type, with the extensions the API accepts for each. */
export const ATTACHMENT_KINDS = [
  { contentType: 'application/pdf', label: 'PDF', extensions: ['.pdf'] },
  { contentType: 'image/jpeg', label: 'JPEG', extensions: ['.jpg', '.jpeg'] },
  { contentType: 'image/png', label: 'PNG', extensions: ['.png'] },
  { contentType: 'application/ofd', label: 'OFD', extensions: ['.ofd'] },
  { contentType: 'text/plain', label: 'TXT', extensions: ['.txt'] },
] as const;

/** For the file picker's `accept`: the extensions, so the picker offers only files the API takes. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_KINDS.flatMap((k) => k.extensions).join(',');

/** The limits in one sentence, shown beside the upload button before anything is chosen. */
export const ATTACHMENT_RULES = `最多 ${MAX_ATTACHMENTS} 个文件，每个不超过 2 MiB；限 ${ATTACHMENT_KINDS.map((k) => k.label).join('、')} 格式（${ATTACHMENT_ACCEPT.replaceAll(',', ' ')}）。`;

/** The kind a file name's extension names, or null when the API does not accept it. */
export function attachmentKind(fileName: string) {
  const name = fileName.toLowerCase();
  return ATTACHMENT_KINDS.find((k) => k.extensions.some((ext) => name.endsWith(ext))) ?? null;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;

/**
 * Why a file cannot be attached (a Chinese sentence naming the limit), or null when it can. `alreadyChosen` is the
 * number of files the form holds before this one.
 */
export function attachmentProblem(file: { name: string; size: number }, alreadyChosen: number): string | null {
  if (alreadyChosen >= MAX_ATTACHMENTS) return `附件最多 ${MAX_ATTACHMENTS} 个，「${file.name}」未添加。`;
  if (!attachmentKind(file.name)) {
    return `「${file.name}」的类型不允许：只接受 ${ATTACHMENT_KINDS.map((k) => k.label).join('、')} 文件（${ATTACHMENT_ACCEPT.replaceAll(',', ' ')}）。`;
  }
  if (file.size === 0) return `「${file.name}」是空文件。`;
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return `「${file.name}」大小为 ${sizeText(file.size)}，超过每个文件 2 MiB 的上限。`;
  }
  return null;
}

/** The file as the API takes it: its name, the content type its extension names, its content in base64. */
export async function toAttachmentUpload(file: File): Promise<AttachmentUpload> {
  const kind = attachmentKind(file.name);
  if (!kind) throw new Error(attachmentProblem(file, 0) ?? '文件类型不允许。');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { fileName: file.name, contentType: kind.contentType, content: toBase64(bytes) };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with two million arguments would overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
