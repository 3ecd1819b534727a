import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, LookupFunction } from 'node:net';

export interface PostOutcome {
  /** The receiver's status code; null when there was no answer. */
  statusCode: number | null;
  /** Why it failed; null on a 2xx. */
  error: string | null;
  /** Aborted because the worker is stopping: not an attempt to count. */
  stopped: boolean;
}

export interface PostOptions {
  timeoutMs: number;
  /** False: refuse loopback, private, link-local and other non-public addresses (TARIFF_WEBHOOK_ALLOW_PRIVATE=0). */
  allowPrivateAddresses: boolean;
  /** Aborts the POST when the worker stops. */
  signal?: AbortSignal;
}

const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['::ffff:0:0', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(net, prefix, 'ipv6');
}

function isNonPublic(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Resolves as usual, then drops non-public addresses. Checked at connect time, on the address
 * actually dialled, so a DNS name that later points inside the network (rebinding) is refused too.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const allowed = addresses.filter((a) => !isNonPublic(a.address));
    if (allowed.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves to non-public addresses only (TARIFF_WEBHOOK_ALLOW_PRIVATE=0)`), {
        code: 'EADDRNOTPUBLIC',
      });
      return callback(refused, '', 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
};

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const text = e.code && !e.message.includes(e.code) ? `${e.code}: ${e.message}` : (e.message ?? String(err));
  // Stored as text: PostgreSQL refuses NUL, and an error is a diagnosis, not a transcript.
  return text.replace(/\u0000/g, '').slice(0, 500);
}

/**
 * One POST; never throws. Redirects are not followed (a 3xx is a failure): the receiver is the
 * URL the operator registered, not wherever it points. The response body is not kept.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!options.allowPrivateAddresses && isNonPublic(host)) {
    return Promise.resolve({ statusCode: null, error: `${host} is not a public address (TARIFF_WEBHOOK_ALLOW_PRIVATE=0)`, stopped: false });
  }
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body, 'utf8')) },
        signal,
        // A connection per POST: nothing stays open between passes or after the worker stops.
        agent: false,
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
      },
      (res) => {
        res.resume();
        res.on('error', () => undefined);
        const status = res.statusCode ?? 0;
        resolve({ statusCode: status, error: status >= 200 && status < 300 ? null : `HTTP ${status}`, stopped: false });
      },
    );
    req.on('error', (err) => {
      if (timeout.aborted) resolve({ statusCode: null, error: `no answer within ${options.timeoutMs} ms`, stopped: false });
      else if (options.signal?.aborted) resolve({ statusCode: null, error: 'worker stopped', stopped: true });
      else resolve({ statusCode: null, error: describe(err), stopped: false });
    });
    req.end(body);
  });
}
