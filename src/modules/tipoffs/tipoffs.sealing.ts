import { createHash } from 'node:crypto';
import { open, seal, sealedKeyId, type KeyRing } from '../shared/index.ts';

// The reporter and the attachments of a tip-off, sealed under the tip-off key ring (AES-256-GCM). The additional
// data binds each value to its tip-off (and attachment), so a value copied to another row does not open.

export interface Reporter {
  name: string;
  contact: string;
  citizenId: string | null;
}

const reporterAad = (tipoffId: string) => `tipoff:${tipoffId}:reporter`;
const attachmentAad = (tipoffId: string, attachmentId: string) => `tipoff:${tipoffId}:attachment:${attachmentId}`;

export function sealReporter(ring: KeyRing, tipoffId: string, reporter: Reporter) {
  const sealed = seal(ring, JSON.stringify(reporter), reporterAad(tipoffId));
  return { sealed, keyId: sealedKeyId(sealed)! };
}

export function openReporter(ring: KeyRing, tipoffId: string, sealed: string): Reporter {
  return JSON.parse(open(ring, sealed, reporterAad(tipoffId)).toString('utf8')) as Reporter;
}

/**
 * A file is sealed together with its name (a file name can name the reporter): one JSON line of metadata, then the
 * bytes. The stored row keeps only a neutral name, the type, the size and the hash of the sealed bytes.
 */
export function sealAttachment(
  ring: KeyRing,
  tipoffId: string,
  attachmentId: string,
  file: { fileName: string; content: Buffer },
) {
  const plain = Buffer.concat([Buffer.from(`${JSON.stringify({ fileName: file.fileName })}\n`, 'utf8'), file.content]);
  const sealed = Buffer.from(seal(ring, plain, attachmentAad(tipoffId, attachmentId)), 'utf8');
  return { content: sealed, keyId: sealedKeyId(sealed.toString('utf8'))!, sha256: sha256(sealed) };
}

export function openAttachment(ring: KeyRing, tipoffId: string, attachmentId: string, stored: Uint8Array) {
  const plain = open(ring, Buffer.from(stored).toString('utf8'), attachmentAad(tipoffId, attachmentId));
  const newline = plain.indexOf(0x0a);
  const meta = JSON.parse(plain.subarray(0, newline).toString('utf8')) as { fileName: string };
  const content = plain.subarray(newline + 1);
  return { fileName: meta.fileName, content, sha256: sha256(content) };
}

/** Re-seals a value under the ring's current key (key rotation); the additional data stays the same. */
export function resealReporter(ring: KeyRing, tipoffId: string, sealed: string) {
  return sealReporter(ring, tipoffId, openReporter(ring, tipoffId, sealed));
}

export function resealAttachment(ring: KeyRing, tipoffId: string, attachmentId: string, stored: Uint8Array) {
  const opened = openAttachment(ring, tipoffId, attachmentId, stored);
  return sealAttachment(ring, tipoffId, attachmentId, opened);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
