import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';

// A vendor client's error (axios-style: the SAP Cloud SDK) carries the request it made in
// `config`, credentials included. Logged as `err` on an unexpected path, it must not carry them.
function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

const request = () => ({
  headers: { Authorization: 'Basic dXNlcjpwNHNzd29yZA==', authorization: 'Bearer tok-123456', 'x-csrf-token': 'fetch' },
  auth: { username: 'COMM_USER', password: 'p4ssw0rd' },
  data: 'grant_type=client_credentials&client_secret=s3cr3t-value',
  url: '/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner',
});

it('redacts the credentials of a vendor request kept in an error, its cause and its response, and keeps the rest', async () => {
  const { lines, stream } = capture();
  const logger = createLogger('info', stream as never);
  const err = Object.assign(new Error('Request failed with status code 503'), {
    config: request(),
    response: { status: 503, config: request() },
    cause: Object.assign(new Error('socket hang up'), { config: request() }),
  });
  logger.error({ err }, 'sync pass failed');
  await new Promise((resolve) => setImmediate(resolve));
  const out = lines.join('');
  for (const secret of ['dXNlcjpwNHNzd29yZA', 'tok-123456', 'p4ssw0rd', 'COMM_USER', 's3cr3t-value']) expect(out).not.toContain(secret);
  expect(out).toContain('Request failed with status code 503');
  expect(out).toContain('/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner');
  expect(out).toContain('[Redacted]');
});
