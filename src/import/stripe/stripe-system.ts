/** The system name of every external id the Stripe import writes (CONTRACT.md: `{ system: "STRIPE", id }`). */
export const STRIPE = 'STRIPE';
