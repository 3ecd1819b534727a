import { Actor, can } from '../auth/actor';
import { contactMayRequest } from '../auth/contact-permissions';

/** What a portal page may offer its user: one per control the page can show. */
export enum PortalAction {
  CHANGE_SUBSCRIPTION = 'CHANGE_SUBSCRIPTION',
  PAUSE_SUBSCRIPTION = 'PAUSE_SUBSCRIPTION',
  RESUME_SUBSCRIPTION = 'RESUME_SUBSCRIPTION',
  CANCEL_SUBSCRIPTION = 'CANCEL_SUBSCRIPTION',
  MANAGE_PAYMENT_METHODS = 'MANAGE_PAYMENT_METHODS',
  DOWNLOAD_INVOICES = 'DOWNLOAD_INVOICES',
  MANAGE_ORDERS = 'MANAGE_ORDERS',
}

const subscriptionActions = [
  [PortalAction.CHANGE_SUBSCRIPTION, 'change'],
  [PortalAction.PAUSE_SUBSCRIPTION, 'pause'],
  [PortalAction.RESUME_SUBSCRIPTION, 'resume'],
  [PortalAction.CANCEL_SUBSCRIPTION, 'cancel'],
] as const;

/**
 * The actions this key may take, asked of the very checks that refuse them (can, and the
 * self-service policy's contactMayRequest), so that a page never keeps its own copy of the
 * role matrix. The seller's settings (allowSelfService…) narrow them further, per request.
 */
export function portalActions(actor: Actor): PortalAction[] {
  const actions: PortalAction[] = [];
  if (can(actor, 'subscriptions:selfServe')) {
    for (const [action, request] of subscriptionActions) if (contactMayRequest(actor.contactRole, request)) actions.push(action);
  }
  if (can(actor, 'paymentMethods:write')) actions.push(PortalAction.MANAGE_PAYMENT_METHODS);
  if (can(actor, 'invoices:download')) actions.push(PortalAction.DOWNLOAD_INVOICES);
  if (can(actor, 'orders:write')) actions.push(PortalAction.MANAGE_ORDERS);
  return actions;
}
