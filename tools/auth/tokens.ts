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
  // The display ends with the token's own last characters: every token of a company starts the same
  // (prefix and company), so only its random tail tells two apart. 8 of 43 characters leave 210 bits unknown.
  return { token, hash: sha256(token), display: `${prefix}_…${token.slice(-8)}` };
}

/** The tenant a secret claims to belong to; null when malformed. The hash lookup decides the rest. */
export function tenantOfSecret(prefix: string, token: string): string | null {
  // The random part is base64url and may itself contain '_': only the first two separate fields.
  const m = new RegExp(`^${prefix}_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$`).exec(token);
  const id = m && UUID.exec(m[1]!);
  return id ? `${id[1]}-${id[2]}-${id[3]}-${id[4]}-${id[5]}` : null;
}
