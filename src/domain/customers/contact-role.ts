/** What a customer's contact does for it; a portal session for the contact acts with this role (contact-permissions.ts). */
export enum ContactRole {
  ADMIN = 'ADMIN',
  BUYER = 'BUYER',
  APPROVER = 'APPROVER',
  ACCOUNTS_PAYABLE = 'ACCOUNTS_PAYABLE',
  VIEWER = 'VIEWER',
}
