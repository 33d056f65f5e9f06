import { createHash } from 'node:crypto';

// Severity rules, record domains and penalty classes are keyed by codes, but an event's stream id is a uuid: each
// catalog row gets a stable name-based one (UUID version 8 over SHA-256), so its events form one stream.
export function catalogStreamId(stream: 'severity_rule' | 'record_domain' | 'penalty_class', key: string): string {
  const h = createHash('sha256').update(`${stream}:${key}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
