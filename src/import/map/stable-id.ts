import { createHash } from 'node:crypto';

// A fixed namespace of Tariff's own (a random v4 uuid, chosen once): ids made here never collide with another scheme's v5 ids.
const NAMESPACE = Buffer.from('6f1c2a4e9b3d4c0e8a7f5d2b1e0c9a84', 'hex');

/**
 * The Tariff id of an imported record: a name-based UUID (RFC 9562 version 5) of its kind and
 * Stripe id. The same dump gives the same ids in any database, so a run killed and resumed and an
 * uninterrupted one write the very same rows, and a record inserted twice collides on its key.
 */
export function stableId(kind: string, stripeId: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`stripe:${kind}:${stripeId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
