import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { startTestApp, TestApp } from '../support/app';
import { decryptSecret, encryptSecret, parseSecretsKey } from '../../src/domain/connectors/secrets';

describe('credentials at rest', () => {
  const key = randomBytes(32);

  it('come back as written with the key and the connection they were written for, and only then', () => {
    fc.assert(
      fc.property(fc.string(), fc.uuid(), (text, id) => {
        const blob = encryptSecret(key, id, text);
        expect(blob.startsWith('v1.')).toBe(true);
        expect(decryptSecret(key, id, blob)).toBe(text);
        expect(() => decryptSecret(key, randomUUID(), blob)).toThrow();
        expect(() => decryptSecret(randomBytes(32), id, blob)).toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it('never hold the plain text, and differ on every write', () => {
    const id = randomUUID();
    const a = encryptSecret(key, id, '{"accessToken":"pat-na1-visible"}');
    expect(a).not.toContain('visible');
    expect(Buffer.from(a.slice(3), 'base64url').toString('latin1')).not.toContain('visible');
    expect(encryptSecret(key, id, '{"accessToken":"pat-na1-visible"}')).not.toBe(a);
  });

  it.each([
    ['64 hex digits', true, randomBytes(32).toString('hex')],
    ['44 base64 characters', true, randomBytes(32).toString('base64')],
    ['16 bytes', false, randomBytes(16).toString('hex')],
    ['a passphrase', false, 'correct horse battery staple'],
  ])('TARIFF_SECRETS_KEY as %s: accepted %s', (_what, ok, text) => {
    if (ok) expect(parseSecretsKey(text)).toHaveLength(32);
    else expect(() => parseSecretsKey(text)).toThrow(/32 bytes/);
  });
});

describe('without TARIFF_SECRETS_KEY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('createConnection is refused, naming the variable, and nothing is stored', async () => {
    const res = await t.gql(
      `mutation { createConnection(input: { system: HUBSPOT, credentials: { accessToken: "pat-na1-abcdefgh" } }) { id } }`,
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.credentials' });
    expect(res.errors?.[0].message).toMatch(/TARIFF_SECRETS_KEY is not set/);
    expect((await t.gql<{ connections: unknown[] }>(`{ connections { id } }`)).data?.connections).toEqual([]);
  });
});
