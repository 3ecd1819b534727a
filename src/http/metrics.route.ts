import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { Role } from '../domain/auth/actor';
import { authenticate } from '../domain/auth/api-key.service';
import { DomainError } from '../domain/errors';
import type { Clock } from '../domain/shared/clock';
import type { Logger } from '../logger';
import { metricsRegistry } from '../metrics/metrics';

function bearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

/**
 * GET /metrics in Prometheus text. It needs an ADMIN API key like any other read of the whole
 * business (billing runs, invoice counts, error rates): Prometheus sends it with
 * `authorization: { credentials_file: ... }` in its scrape config.
 */
export function metricsRoute(options: { orm: MikroORM; clock: Clock; logger: Logger }): Router {
  const { orm, clock, logger } = options;
  const router = Router();
  router.get('/metrics', async (req, res) => {
    const deny = (status: number, code: string, message: string) => {
      if (status === 401) res.set('www-authenticate', 'Bearer');
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    };
    const secret = bearer(req.headers.authorization);
    if (!secret) return deny(401, 'UNAUTHENTICATED', 'an ADMIN API key is required: Authorization: Bearer <key>');
    try {
      const actor = await authenticate(orm.em.fork(), secret, clock.now());
      if (actor.role !== Role.ADMIN) return deny(403, 'FORBIDDEN', 'metrics need an ADMIN API key');
      res.set('content-type', metricsRegistry.contentType).send(await metricsRegistry.metrics());
    } catch (err) {
      if (err instanceof DomainError) return deny(401, 'UNAUTHENTICATED', err.message);
      logger.error({ err }, 'metrics scrape failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  });
  return router;
}
