/**
 * Secrets handed to people and programs (API tokens, session cookies, approval links). Each carries
 * its tenant id in clear and a random secret stored only as a SHA-256 hash, so looking one up runs
 * inside that tenant's context, under row-level security, like every other query.
 */
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `<prefix>_<tenant id without dashes>_<43 random url-safe characters>` */
export function mintSecret(prefix: string, tenantId: string): { token: string; hash: string; display: string } {
  const token = `${prefix}_${tenantId.replaceAll('-', '')}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token), display: `${token.slice(0, prefix.length + 9)}…` };
}

/** The tenant a secret claims to belong to; null when malformed. The hash lookup decides the rest. */
export function tenantOfSecret(prefix: string, token: string): string | null {
  const parts = token.split('_');
  if (parts.length !== 3 || parts[0] !== prefix || !parts[2] || parts[2].length < 40) return null;
  const m = UUID.exec(parts[1] ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}` : null;
}
