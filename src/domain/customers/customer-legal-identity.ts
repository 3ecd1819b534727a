import { InvalidInputError } from '../errors';
import { parseInput } from '../shared/input-schema';
import { Address, storableAddressSchema } from './customer-address';
import { TaxStatus } from './customer.entity';
import { checkVatId } from './vat-id';

/** An address as clients send it (AddressInput); parsed by addressSchema. */
export interface AddressFields {
  line1: string;
  line2?: string | null;
  city: string;
  postalCode?: string | null;
  region?: string | null;
  country: string;
}

/** For create: absent is none. For update: absent is kept, null clears. */
export interface LegalIdentityInput {
  billingAddress?: AddressFields | null;
  vatId?: string | null;
}

export interface LegalIdentity {
  billingAddress: Address | null;
  vatId: string | null;
}

const RC_MESSAGE = 'a REVERSE_CHARGE customer needs a VAT id: the buyer accounts for the VAT, and the invoice must name its id';

/**
 * The legal identity after a change: `current` for a new customer is none. The VAT id is checked
 * against the address's country whenever either changes. A REVERSE_CHARGE customer must have a VAT
 * id, checked when the change touches the tax status or the VAT id (`touchesTax`), so customers made
 * reverse-charge before the rule keep working until someone changes those fields.
 */
export function nextLegalIdentity(
  current: LegalIdentity,
  input: LegalIdentityInput,
  taxStatus: TaxStatus,
  touchesTax: boolean,
): LegalIdentity {
  const billingAddress =
    input.billingAddress === undefined
      ? current.billingAddress
      : input.billingAddress === null
        ? null
        : parseInput(storableAddressSchema, input.billingAddress, 'input.billingAddress');
  const vatGiven = input.vatId !== undefined;
  const rawVat = vatGiven ? (input.vatId ?? null) : current.vatId;
  const recheck = vatGiven || input.billingAddress !== undefined;
  const field = vatGiven ? 'input.vatId' : 'input.billingAddress.country';
  const vatId = rawVat === null || !recheck ? rawVat : checkVatId(rawVat, billingAddress?.country ?? null, field);
  if (taxStatus === TaxStatus.REVERSE_CHARGE && vatId === null && (touchesTax || vatGiven))
    throw new InvalidInputError('input.vatId', RC_MESSAGE);
  return { billingAddress, vatId };
}

export const NO_LEGAL_IDENTITY: Readonly<LegalIdentity> = Object.freeze({ billingAddress: null, vatId: null });
