import { describe, expect, it } from 'vitest';
import { mintSecret, sha256, tenantOfSecret } from '../../../tools/auth/tokens.ts';

const TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('secrets carrying their tenant', () => {
  it('reads the tenant back from every minted token, whatever characters the random part holds', () => {
    for (let i = 0; i < 200; i++) {
      const { token, hash } = mintSecret('cpt', TENANT);
      expect(tenantOfSecret('cpt', token)).toBe(TENANT);
      expect(hash).toBe(sha256(token));
    }
  });

  it.each([
    ['another prefix', `cal_0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d_${'a'.repeat(43)}`],
    ['a short secret', 'cpt_0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d_abc'],
    ['a tenant that is not hex', `cpt_zz1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d_${'a'.repeat(43)}`],
    ['nothing', ''],
  ])('refuses %s', (_name, token) => {
    expect(tenantOfSecret('cpt', token)).toBeNull();
  });
});
