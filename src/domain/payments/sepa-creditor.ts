import { ConflictError } from '../errors';
import type { SellerSettingsView } from '../settings/seller-settings.service';
import type { SepaParty } from './sepa-xml';

/** The seller as a SEPA file names it: its legal name, account and creditor identifier, all from seller settings. */
export function creditorParty(settings: SellerSettingsView): { party: SepaParty; creditorId: string } {
  const missing = [...(settings.iban ? [] : ['iban']), ...(settings.sepaCreditorId ? [] : ['sepaCreditorId'])];
  if (missing.length > 0)
    throw new ConflictError(
      `seller settings lack ${missing.join(' and ')}: a SEPA file needs the seller's account and creditor identifier`,
      {
        details: { reason: 'SEPA_SETTINGS_MISSING', missing },
      },
    );
  return {
    party: { name: (settings.legalName ?? settings.name).slice(0, 70), iban: settings.iban!, bic: settings.bic },
    creditorId: settings.sepaCreditorId!,
  };
}

/** The sepa package refuses what the SEPA character set or a field's length does not allow: the data, not a bug, so a CONFLICT saying what. */
export function sepaFileError(err: unknown): ConflictError {
  const message = err instanceof Error ? err.message : String(err);
  return new ConflictError(`no valid SEPA file can be written: ${message.slice(0, 300)}`, { details: { reason: 'SEPA_FILE_INVALID' } });
}
