import { ApiKeyService } from './auth/api-key.service';
import type { ServiceContext } from './shared/service-context';

/** The services of one request, all sharing its EntityManager, actor and clock. */
export function createServices(ctx: ServiceContext) {
  return {
    apiKeys: new ApiKeyService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
