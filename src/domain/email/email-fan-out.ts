import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { parseStoredEvent } from '../events/event-types';
import { readSellerSettings } from '../settings/seller-settings.service';
import { UNSEEN } from '../webhooks/fan-out';
import { EMAIL_EVENT_TYPES, EMAIL_RECIPIENT_ROLES, isEmailEventType } from './email-events';
import { emailSubject, type EmailEvent } from './email-templates';

interface OutboxRow {
  id: string;
  tx_id: string;
  position: string;
  type: string;
  aggregate_id: string;
  customer_id: string | null;
  /** Read for the types that become e-mail only. */
  payload: unknown;
  occurred_at: Date;
}

/** The sender's name: the seller's legal name, else its trading name. */
export async function sellerName(em: EntityManager): Promise<string> {
  const seller = await readSellerSettings(em);
  return seller.legalName ?? seller.name;
}

/**
 * Turns new outbox events into PENDING e-mails, one per event and address, and moves the cursor
 * past what it read. The cursor and the reading rule are the webhook fan-out's (webhooks/fan-out.ts
 * says why `(tx_id, position)` and the xmin horizon); the row is made at the horizon by the first
 * pass, so e-mail switched on later does not mail the past. One transaction per batch, holding the
 * cursor row: a second worker skips it, and the unique (event, address) key refuses a duplicate anyway.
 * Customers on a test clock get none: simulated time must not mail real addresses.
 * Returns how many e-mails were queued.
 */
export async function fanOutEmails(
  fork: () => EntityManager,
  now: Date,
  batchSize: number,
  onUnreadable?: (eventId: string, type: string) => void,
): Promise<number> {
  await boundRows(fork(), `insert into email_cursor (id) values ('default') on conflict (id) do nothing`);
  let created = 0;
  for (;;) {
    const batch = await fork().transactional((em) => fanOutBatch(em, now, batchSize, onUnreadable));
    created += batch.created;
    if (!batch.more) return created;
  }
}

async function fanOutBatch(
  em: EntityManager,
  now: Date,
  batchSize: number,
  onUnreadable?: (eventId: string, type: string) => void,
): Promise<{ created: number; more: boolean }> {
  const [cursor] = await boundRows<{ cursor_tx_id: string; cursor_position: string }>(
    em,
    `select cursor_tx_id::text as cursor_tx_id, cursor_position::text as cursor_position
       from email_cursor where id = 'default' for update skip locked`,
  );
  if (!cursor) return { created: 0, more: false };
  const events = await boundRows<OutboxRow>(
    em,
    `select e.id, e.tx_id::text as tx_id, e.position::text as position, e.type, e.aggregate_id, e.customer_id, e.occurred_at,
            case when e.type = any(?::text[]) then e.payload end as payload
       from domain_event e where ${UNSEEN}
      order by e.tx_id, e.position limit ?`,
    [EMAIL_EVENT_TYPES, cursor.cursor_tx_id, cursor.cursor_position, batchSize],
  );
  if (events.length === 0) return { created: 0, more: false };
  const matching = events.filter((e) => isEmailEventType(e.type) && e.customer_id !== null);
  let created = 0;
  if (matching.length > 0) {
    const seller = await sellerName(em);
    const rows = matching.flatMap((e) => {
      let event: EmailEvent;
      try {
        event = parseStoredEvent(e) as EmailEvent;
      } catch {
        // A payload its schema refuses (written by hand, say) would otherwise stop the cursor for good.
        onUnreadable?.(e.id, e.type);
        return [];
      }
      return [
        {
          event_id: e.id,
          event_type: e.type,
          customer_id: e.customer_id,
          roles: (EMAIL_RECIPIENT_ROLES[event.type] as readonly string[]).join(','),
          subject: emailSubject(event, seller),
        },
      ];
    });
    // The contacts of the event's roles, else the customer's own address; an address once per event.
    const inserted = await boundRows(
      em,
      `with ev as (select * from jsonb_to_recordset(?::jsonb) as r(event_id uuid, event_type text, customer_id uuid, roles text, subject text)),
            addressed as (
              select distinct ev.event_id, ev.event_type, ev.customer_id, ev.subject, lower(trim(a.address)) as address
                from ev join customer c on c.id = ev.customer_id and c.test_clock_id is null
                cross join lateral (
                  select ct.email as address from contact ct
                   where ct.customer_id = ev.customer_id and ct.archived_at is null and ct.role::text = any(string_to_array(ev.roles, ','))
                  union all
                  select c.email where not exists (
                    select 1 from contact ct
                     where ct.customer_id = ev.customer_id and ct.archived_at is null and ct.role::text = any(string_to_array(ev.roles, ',')))
                ) a
               where coalesce(trim(a.address), '') <> '')
       insert into email_delivery (id, event_id, event_type, customer_id, to_address, subject, status, attempt_count, next_attempt_at, created_at)
       select gen_random_uuid(), event_id, event_type, customer_id, address, subject, 'PENDING', 0, ?::timestamptz, ?::timestamptz from addressed
       on conflict (event_id, to_address) do nothing
       returning id`,
      [JSON.stringify(rows), now, now],
    );
    created = inserted.length;
  }
  const last = events[events.length - 1];
  await boundRows(em, `update email_cursor set cursor_tx_id = ?::xid8, cursor_position = ? where id = 'default'`, [
    last.tx_id,
    last.position,
  ]);
  return { created, more: events.length === batchSize };
}
