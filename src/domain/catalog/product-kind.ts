/** CONTRACT.md, Recurring orders: what a product is. SERVICE bills per period; PHYSICAL goods go on orders and ship. */
export enum ProductKind {
  SERVICE = 'SERVICE',
  PHYSICAL = 'PHYSICAL',
}

/** What placing an order does with a line the stock cannot cover (issue 17). */
export enum StockPolicy {
  /** Take what is there, backorder the rest: it ships when the warehouse has it. */
  BACKORDER = 'BACKORDER',
  /** Take what is there, drop the rest of the line from this order. */
  SKIP_LINE = 'SKIP_LINE',
  /** Hold the whole order (BACKORDERED) until the warehouse ships it whole. */
  HOLD_ORDER = 'HOLD_ORDER',
}
