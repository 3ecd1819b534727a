import { authorize, Role } from '../auth/actor';
import { ApiKey } from '../auth/api-key.entity';
import { hashSecret, newSecret } from '../auth/api-key.service';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';
import { InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { portalActions, type PortalAction } from './portal-action';
import { PortalSession } from './portal-session.entity';

/** Deployment settings for links (config.ts): how long a session lives and where the portal is served. */
export interface PortalLinkSettings {
  sessionMinutes: number;
  /** The public origin of this server, without a trailing slash; known only once it listens. */
  publicUrl(): string;
}

export interface PortalSessionLink {
  id: string;
  url: string;
  expiresAt: Date;
}

const MAX_RETURN_URL = 2048;

/** The portal's "Return to …" link: an absolute http(s) URL without credentials, so it can never become script or leak a password. */
function requireReturnUrl(value: string, field: string): string {
  const raw = value.trim();
  if (raw.length === 0 || raw.length > MAX_RETURN_URL) {
    throw new InvalidInputError(field, `returnUrl must be 1 to ${MAX_RETURN_URL} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError(field, 'returnUrl must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InvalidInputError(field, 'returnUrl must be an absolute http(s) URL');
  if (url.username || url.password) throw new InvalidInputError(field, 'returnUrl must not carry credentials');
  return url.href;
}

/** A contact of this customer that is not removed; any other id is NOT_FOUND at `contactId`, another customer's included. */
async function findLiveContact(em: EntityManager, customer: Customer, contactId: string): Promise<Contact> {
  const contact = isId(contactId) ? await em.findOne(Contact, { id: contactId, customer, archivedAt: null }) : null;
  if (!contact) throw new NotFoundError('contact', contactId.slice(0, 100), 'contactId');
  return contact;
}

export class PortalSessionService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * A CUSTOMER key that expires with the session, and the session row, in one transaction. The
   * secret travels in the URL's fragment: browsers send neither it to the server nor it in a
   * Referer, so it stays out of access logs and other sites.
   */
  async create(customerId: string, returnUrl: string, settings: PortalLinkSettings, contactId?: string | null): Promise<PortalSessionLink> {
    authorize(this.ctx.actor, 'portal:create');
    const back = requireReturnUrl(returnUrl, 'returnUrl');
    if (!isId(customerId)) throw new NotFoundError('customer', customerId, 'customerId');
    return this.ctx.em.transactional(async (em) => {
      const customer = await em.findOne(Customer, { id: customerId });
      if (!customer) throw new NotFoundError('customer', customerId, 'customerId');
      const contact = contactId == null ? null : await findLiveContact(em, customer, contactId);
      const now = this.ctx.clock.now();
      const expiresAt = new Date(now.getTime() + settings.sessionMinutes * 60_000);
      const secret = newSecret();
      const session = new PortalSession();
      // The key's name is what a subscription's history records for changes made in the portal.
      const apiKey = em.create(ApiKey, {
        name: `portal session ${session.id}`,
        role: Role.CUSTOMER,
        customer,
        secretHash: hashSecret(secret),
        prefix: secret.slice(0, 8),
        createdAt: now,
        expiresAt,
      });
      em.assign(session, { apiKey, customer, contact, returnUrl: back, createdByKeyId: this.ctx.actor.keyId, expiresAt, createdAt: now });
      em.persist(session);
      await em.flush();
      return { id: session.id, url: `${settings.publicUrl()}/portal#session=${secret}`, expiresAt };
    });
  }

  /** The session behind the calling key, or null for any key that is not a portal session's. */
  async current(): Promise<PortalSession | null> {
    const { actor } = this.ctx;
    if (actor.role !== Role.CUSTOMER || !isId(actor.keyId)) return null;
    return this.ctx.em.findOne(PortalSession, { apiKey: actor.keyId }, { populate: ['customer', 'contact'] });
  }

  /** What the calling key may do in the portal (PortalSessionInfo.allowedActions), from the checks that enforce it. */
  allowedActions(): PortalAction[] {
    return portalActions(this.ctx.actor);
  }
}
