/** How a change or a cancellation settles the part of the period already invoiced (CONTRACT.md). */
export enum ProrationBehavior {
  CREATE_PRORATIONS = 'CREATE_PRORATIONS',
  ALWAYS_INVOICE = 'ALWAYS_INVOICE',
  NONE = 'NONE',
}
