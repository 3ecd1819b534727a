import { InvalidInputError } from '../errors';

const MAX_URL_LENGTH = 2048;

/**
 * An absolute http(s) URL, as it will be posted to. Control characters and spaces are refused
 * rather than silently stripped by the URL parser, and credentials in the URL are refused: the
 * receiver authenticates Tariff by the signature, and fetch would not send them anyway.
 */
export function parseWebhookUrl(raw: string, field: string): string {
  const value = raw.trim();
  if (value.length === 0) throw new InvalidInputError(field, 'url must not be empty');
  if (value.length > MAX_URL_LENGTH) throw new InvalidInputError(field, `url must be at most ${MAX_URL_LENGTH} characters`);
  if (/[\u0000-\u0020\u007f-\u009f]/.test(value)) throw new InvalidInputError(field, 'url must not contain spaces or control characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(field, 'url is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidInputError(field, 'url must be http or https');
  if (!url.hostname) throw new InvalidInputError(field, 'url must name a host');
  if (url.username || url.password) throw new InvalidInputError(field, 'url must not carry credentials; receivers check the Tariff-Signature header');
  if (url.hash) throw new InvalidInputError(field, 'url must not have a fragment');
  return url.href;
}
