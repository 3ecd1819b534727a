/** A Salesforce field name as SOQL takes it unquoted (a custom one ends in `__c`). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

type Problem = { path: string; message: string };

/**
 * A Salesforce connection's input (docs/connectors.md): the org's instance URL as `baseUrl`
 * (Salesforce has no one API host) and either an OAuth access token (`credentials.accessToken`)
 * or a connected app's client credentials (`clientId`, `clientSecret`).
 * Settings are checked here because some reach a SOQL query: field names must be names.
 */
export function validateSalesforceInput(input: {
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
  baseUrl?: string | null;
}): Problem[] {
  const { credentials, settings } = input;
  const problems: Problem[] = [];
  if (!input.baseUrl) {
    problems.push({ path: 'baseUrl', message: "must be the org's instance URL (My Domain), e.g. https://acme.my.salesforce.com" });
  }
  if (credentials.clientId !== undefined || credentials.clientSecret !== undefined) {
    // The OAuth 2.0 client credentials flow: a connected app's consumer key and secret.
    for (const key of ['clientId', 'clientSecret'] as const) {
      const value = credentials[key];
      if (typeof value !== 'string' || value.trim().length < 8) {
        problems.push({
          path: `credentials.${key}`,
          message: `must be the connected app's consumer ${key === 'clientId' ? 'key' : 'secret'}`,
        });
      }
    }
  } else if (typeof credentials.accessToken !== 'string' || credentials.accessToken.trim().length < 8) {
    problems.push({
      path: 'credentials.accessToken',
      message: "must be a Salesforce OAuth access token, or give clientId and clientSecret (a connected app's client credentials)",
    });
  }
  if (settings.apiVersion !== undefined && !(typeof settings.apiVersion === 'string' && /^\d{2}\.0$/.test(settings.apiVersion))) {
    problems.push({ path: 'settings.apiVersion', message: 'must be a REST API version such as "62.0"' });
  } else if (typeof settings.apiVersion === 'string' && Number(settings.apiVersion) < 46) {
    problems.push({ path: 'settings.apiVersion', message: 'must be 46.0 or later (sObject Collections upsert)' });
  }
  if (settings.stageName !== undefined && !(typeof settings.stageName === 'string' && settings.stageName.trim())) {
    problems.push({ path: 'settings.stageName', message: 'must name an Opportunity stage' });
  }
  if (
    settings.crmOwnedFields !== undefined &&
    !(Array.isArray(settings.crmOwnedFields) && settings.crmOwnedFields.every((f) => typeof f === 'string' && FIELD_NAME.test(f)))
  ) {
    problems.push({ path: 'settings.crmOwnedFields', message: 'must be a list of Account and Contact field names' });
  }
  if (settings.multiCurrency !== undefined && typeof settings.multiCurrency !== 'boolean') {
    problems.push({ path: 'settings.multiCurrency', message: 'must be true or false' });
  }
  for (const [key, max] of [
    ['maxAttempts', 50],
    ['requestLimitWaitSeconds', 86_400],
  ] as const) {
    const value = settings[key];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max)) {
      problems.push({ path: `settings.${key}`, message: `must be a whole number from 1 to ${max}` });
    }
  }
  const inbound = settings.inbound as Record<string, unknown> | undefined;
  if (inbound !== undefined) {
    if (!inbound || typeof inbound !== 'object' || typeof inbound.closedWonStage !== 'string' || !inbound.closedWonStage) {
      problems.push({
        path: 'settings.inbound.closedWonStage',
        message: 'must name the won Opportunity stage that makes a quote (e.g. "Closed Won")',
      });
    } else if (inbound.accept !== undefined && typeof inbound.accept !== 'boolean') {
      problems.push({ path: 'settings.inbound.accept', message: 'must be true or false' });
    } else if (
      inbound.purchaseOrderProperty !== undefined &&
      !(typeof inbound.purchaseOrderProperty === 'string' && FIELD_NAME.test(inbound.purchaseOrderProperty))
    ) {
      problems.push({ path: 'settings.inbound.purchaseOrderProperty', message: 'must be an Opportunity field name' });
    }
  }
  return problems;
}
