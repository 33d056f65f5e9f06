import { randomBytes } from 'node:crypto';
import { derivedRing, open, seal } from '../shared/index.ts';

// A webhook's signing secret is shown once, at registration. The server must read it back to sign every delivery,
// so it is stored sealed under a key derived from the server key (never in the database), bound to its webhook.

const PURPOSE = 'webhook-secret';
const aad = (webhookId: string) => `webhook:${webhookId}`;

/** 32 random bytes, as 64 hex characters: the HMAC key is this text as given to the department. */
export const newSecret = () => randomBytes(32).toString('hex');

export const sealSecret = (serverKey: Buffer, webhookId: string, secret: string) =>
  seal(derivedRing(serverKey, PURPOSE), secret, aad(webhookId));

export const openSecret = (serverKey: Buffer, webhookId: string, sealed: string) =>
  open(derivedRing(serverKey, PURPOSE), sealed, aad(webhookId)).toString('utf8');
