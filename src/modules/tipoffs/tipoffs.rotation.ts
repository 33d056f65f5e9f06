import {
  type Clock,
  type DB,
  type KeyRing,
  sealedAttachmentsUnderOtherKeys,
  updateAttachmentSeal,
  write,
} from '../shared/index.ts';
import { tipoffsSealedUnderOtherKeys, updateTipoff } from './tipoffs.repository.ts';
import type { Kysely } from 'kysely';
import { resealAttachment, resealReporter } from './tipoffs.sealing.ts';

const BATCH = 100;

/**
 * Re-seals every tip-off reporter and attachment not yet under the ring's current key, in batches (rows locked,
 * SKIP LOCKED, so it may run beside the server and be run again). The ring must still hold the old keys; once this
 * reports nothing left, they may be removed from configuration. Audited per batch; the tip-offs themselves do not
 * change (no event: nobody's view of them changes).
 */
export async function rotateTipoffKeys(
  deps: { db: Kysely<DB>; clock: Clock; tipoffKeys: KeyRing },
  options: { batchSize?: number } = {},
) {
  const ring = deps.tipoffKeys;
  const batch = options.batchSize ?? BATCH;
  const total = { tipoffs: 0, attachments: 0 };
  for (;;) {
    const { result } = await write(deps, 'system:tipoff-key-rotation', async (w) => {
      const tipoffs = await tipoffsSealedUnderOtherKeys(w.tx, ring.currentId, batch);
      for (const t of tipoffs) {
        const sealed = resealReporter(ring, t.id, t.reporter_sealed!);
        await updateTipoff(w.tx, t.id, { reporter_sealed: sealed.sealed, key_id: sealed.keyId });
      }
      const files = await sealedAttachmentsUnderOtherKeys(w.tx, 'tipoff', ring.currentId, batch);
      for (const f of files) {
        const sealed = resealAttachment(ring, f.owner_id, f.id, f.content);
        await updateAttachmentSeal(w.tx, f.id, {
          content: sealed.content,
          key_id: sealed.keyId,
          sha256: sealed.sha256,
        });
      }
      if (tipoffs.length + files.length > 0) {
        w.audit({
          action: 'tipoff.keys_rotated',
          target: null,
          details: { keyId: ring.currentId, tipoffs: tipoffs.length, attachments: files.length },
        });
      }
      return { tipoffs: tipoffs.length, attachments: files.length };
    });
    total.tipoffs += result.tipoffs;
    total.attachments += result.attachments;
    if (result.tipoffs < batch && result.attachments < batch) return total;
  }
}
