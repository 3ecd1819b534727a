import type { DomainEventOf, EventPayload } from '../events/event-types';
import type { Address } from './address';

/** A location as plain data: the entity, its external ids loaded, is one. */
export interface LocationFacts {
  id: string;
  customer: { id: string };
  name: string;
  address: Address;
  externalIds: Iterable<{ system: string; externalId: string }>;
  createdAt: Date;
  updatedAt: Date;
}

export interface ContactFacts {
  id: string;
  customer: { id: string };
  name: string;
  email: string;
  role: string;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type LocationVerb = 'location_created' | 'location_updated' | 'location_removed';
type ContactVerb = 'contact_created' | 'contact_updated' | 'contact_removed';

/** On the customer's aggregate, so a reader sees a customer's changes, its locations' and contacts' in the order they were made. */
export function locationEvent(verb: LocationVerb, l: LocationFacts, at: Date): DomainEventOf<`customer.${LocationVerb}`> {
  const payload: EventPayload<'customer.location_created'> = {
    id: l.id,
    customerId: l.customer.id,
    name: l.name,
    address: { ...l.address },
    externalIds: [...l.externalIds].map((x) => ({ system: x.system, id: x.externalId })),
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
  return { aggregateType: 'customer', aggregateId: l.customer.id, type: `customer.${verb}`, customerId: l.customer.id, payload, at };
}

export function contactEvent(verb: ContactVerb, c: ContactFacts, at: Date): DomainEventOf<`customer.${ContactVerb}`> {
  const payload: EventPayload<'customer.contact_created'> = {
    id: c.id,
    customerId: c.customer.id,
    name: c.name,
    email: c.email,
    role: c.role,
    archivedAt: c.archivedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
  return { aggregateType: 'customer', aggregateId: c.customer.id, type: `customer.${verb}`, customerId: c.customer.id, payload, at };
}
