import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../domain/auth/actor';
import type { DocumentLinkSettings } from '../domain/documents/document-link.service';
import type { PortalLinkSettings } from '../domain/portal/portal-session.service';
import type { Services } from '../domain/services';
import type { Logger } from '../logger';
import type { Loaders } from './loaders';

/** One per request, created at the edge (server.ts): a forked EntityManager, the actor, loaders and services. */
export interface Context {
  em: EntityManager;
  actor: Actor;
  services: Services;
  loaders: Loaders;
  logger: Logger;
  /** Where portal links point and how long they live (config). */
  portal: PortalLinkSettings;
  /** How long document links live, what signs them and where they point (config). */
  documents: DocumentLinkSettings;
}
