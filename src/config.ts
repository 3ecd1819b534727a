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
  TARIFF_PORTAL_SESSION_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
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
  const seed = c.TARIFF_SEED === undefined ? c.DATABASE_URL === undefined : c.TARIFF_SEED === '1';
  return { ...c, seed };
}
