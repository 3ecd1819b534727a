import { z } from 'zod';

/** Environment variables of CONTRACT.md, validated once at start; a bad value stops the process with its name. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  TARIFF_DATA_DIR: z.string().default('./.tariff-data'),
  TARIFF_ADMIN_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  TARIFF_RATE_LIMIT: z.coerce.number().min(0).default(50),
  TARIFF_SEED: z.enum(['0', '1']).optional(),
  TARIFF_MAX_QUERY_DEPTH: z.coerce.number().int().min(2).default(12),
  TARIFF_MAX_QUERY_COST: z.coerce.number().int().min(1).default(10_000),
  TARIFF_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  TARIFF_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  TARIFF_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(10_000),
  TARIFF_WEBHOOK_ALLOW_PRIVATE: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  TARIFF_WEBHOOK_WORKER: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  /** Encrypts connector credentials at rest: 32 bytes as 64 hex digits or base64 (docs/connectors.md). Unset: no connections. */
  TARIFF_SECRETS_KEY: z
    .string()
    .refine((v) => /^[0-9a-fA-F]{64}$/.test(v.trim()) || Buffer.from(v.trim(), 'base64').length === 32, {
      message: 'must be 32 bytes: 64 hex digits or 44 base64 characters',
    })
    .optional(),
  TARIFF_PORTAL_SESSION_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** How long a signed document link (documentUrl) opens, in minutes: a day by default, at most 90 days. */
  TARIFF_DOCUMENT_LINK_MINUTES: z.coerce.number().int().min(1).max(129_600).default(1440),
  /** Signs document links; unset: a random secret kept in the database (docs/documents.md). Changing it ends every link. */
  TARIFF_DOCUMENT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TARIFF_PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'must be an http(s) URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  TARIFF_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const origins = v
        .split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0);
      for (const origin of origins) {
        if (!isOrigin(origin)) ctx.addIssue({ code: 'custom', message: `${origin} is not an origin (scheme://host[:port], no path)` });
      }
      return origins;
    }),
  /** Pricing plugins: module paths or package names, comma-separated (docs/pricing-plugins.md). */
  TARIFF_PRICING_PLUGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry.length > 0),
    ),
  /** E-mail (docs/e-mail.md): both or neither; the URL may carry credentials, so it is never logged unredacted. */
  TARIFF_SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\/[^/]/i.test(v), 'must be smtp://host:port or smtps://host:port')
    .optional(),
  TARIFF_MAIL_FROM: z.email().optional(),
  TARIFF_METRICS: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** `https://shop.example` or `http://localhost:5173`: what a browser sends in its Origin header. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

export type Config = z.infer<typeof schema> & {
  /** Seed demo data: on by default for the embedded database, off on DATABASE_URL unless TARIFF_SEED=1. */
  seed: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  if ((c.TARIFF_SMTP_URL === undefined) !== (c.TARIFF_MAIL_FROM === undefined)) {
    throw new ConfigError('invalid configuration:\n  TARIFF_SMTP_URL and TARIFF_MAIL_FROM: set both to send e-mail, or neither');
  }
  const seed = c.TARIFF_SEED === undefined ? c.DATABASE_URL === undefined : c.TARIFF_SEED === '1';
  return { ...c, seed };
}
