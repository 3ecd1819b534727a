/**
 * A Business Central connection's settings (docs/connectors.md, Dynamics 365). Credentials are
 * `{ tenantId, clientId, clientSecret }`: an app registration in the seller's Entra ID tenant
 * with the `API.ReadWrite.All` application permission of Dynamics 365 Business Central.
 */
export interface DynamicsSettings {
  /** The BC environment's name (`production`, `sandbox`…). */
  environment: string;
  /** The company's id (GET /companies). */
  companyId: string;
  /** Entra ID's token endpoint; default https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token. */
  tokenUrl: string | null;
  /** The company's local currency: BC writes it as a blank currency code. */
  localCurrency: string | null;
  /** The G/L account invoice and credit memo lines are booked to (Tariff's invoices carry amounts, not items). */
  salesAccountNumber: string;
  /**
   * The customer payment journal (its batch code, e.g. `CASHRCPT`) Tariff's payments become lines
   * of; null: payments are not sent (their records are SYNCED with nothing written).
   */
  paymentJournalCode: string | null;
  /** Customer fields BC owns once the customer exists (sent only when Tariff creates it), e.g. `["displayName", "addressLine1"]`. */
  erpOwnedFields: string[];
  /** Inbound reads (on unless set false). */
  inventory: boolean;
  shipments: boolean;
}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function settingsOf(settings: Record<string, unknown>): DynamicsSettings {
  const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return {
    environment: str(settings.environment) ?? 'production',
    companyId: str(settings.companyId) ?? '',
    tokenUrl: str(settings.tokenUrl),
    localCurrency: str(settings.localCurrency)?.toUpperCase() ?? null,
    salesAccountNumber: str(settings.salesAccountNumber) ?? '',
    paymentJournalCode: str(settings.paymentJournalCode)?.toUpperCase() ?? null,
    erpOwnedFields: Array.isArray(settings.erpOwnedFields) ? settings.erpOwnedFields.filter((f): f is string => typeof f === 'string') : [],
    inventory: settings.inventory !== false,
    shipments: settings.shipments !== false,
  };
}

/** Problems with a connection's input, `{ path, message }`; empty when valid. */
export function validateInput(input: {
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
}): { path: string; message: string }[] {
  const { credentials, settings } = input;
  const problems: { path: string; message: string }[] = [];
  if (typeof credentials.tenantId !== 'string' || !/^[A-Za-z0-9.-]{3,100}$/.test(credentials.tenantId))
    problems.push({ path: 'credentials.tenantId', message: 'must be the Entra ID tenant (its id or domain)' });
  if (typeof credentials.clientId !== 'string' || !GUID.test(credentials.clientId))
    problems.push({ path: 'credentials.clientId', message: "must be the app registration's application (client) id" });
  if (typeof credentials.clientSecret !== 'string' || credentials.clientSecret.length < 8)
    problems.push({ path: 'credentials.clientSecret', message: "must be the app registration's client secret" });
  if (typeof settings.companyId !== 'string' || !GUID.test(settings.companyId))
    problems.push({ path: 'settings.companyId', message: "must be the Business Central company's id (GET /companies)" });
  if (typeof settings.salesAccountNumber !== 'string' || !/^[^\s']{1,20}$/.test(settings.salesAccountNumber))
    problems.push({
      path: 'settings.salesAccountNumber',
      message: 'must name the G/L account invoice lines are booked to (up to 20 characters)',
    });
  if (
    settings.paymentJournalCode !== undefined &&
    settings.paymentJournalCode !== null &&
    (typeof settings.paymentJournalCode !== 'string' || !/^[^'\s][^']{0,9}$/.test(settings.paymentJournalCode.trim()))
  )
    problems.push({
      path: 'settings.paymentJournalCode',
      message: 'must be the code of a customer payment journal (up to 10 characters), or left out to not send payments',
    });
  if (
    settings.environment !== undefined &&
    (typeof settings.environment !== 'string' || !/^[A-Za-z0-9_-]{1,50}$/.test(settings.environment))
  )
    problems.push({ path: 'settings.environment', message: "must be the environment's name, e.g. production" });
  if (settings.tokenUrl !== undefined) {
    let ok: boolean;
    try {
      const url = new URL(String(settings.tokenUrl));
      ok = (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      ok = false;
    }
    if (!ok) problems.push({ path: 'settings.tokenUrl', message: 'must be an http(s) URL without credentials' });
  }
  if (settings.localCurrency !== undefined && (typeof settings.localCurrency !== 'string' || !/^[A-Za-z]{3}$/.test(settings.localCurrency)))
    problems.push({ path: 'settings.localCurrency', message: 'must be a three-letter currency code' });
  if (
    settings.erpOwnedFields !== undefined &&
    !(Array.isArray(settings.erpOwnedFields) && settings.erpOwnedFields.every((f) => typeof f === 'string'))
  )
    problems.push({ path: 'settings.erpOwnedFields', message: 'must be a list of Business Central customer property names' });
  for (const key of ['inventory', 'shipments'] as const)
    if (settings[key] !== undefined && typeof settings[key] !== 'boolean')
      problems.push({ path: `settings.${key}`, message: 'must be true or false' });
  if (
    settings.maxAttempts !== undefined &&
    !(Number.isInteger(settings.maxAttempts) && (settings.maxAttempts as number) >= 1 && (settings.maxAttempts as number) <= 50)
  )
    problems.push({ path: 'settings.maxAttempts', message: 'must be a whole number from 1 to 50' });
  return problems;
}
