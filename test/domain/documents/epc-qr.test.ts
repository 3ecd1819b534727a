import { Decimal } from '../../../src/pricing/decimal';
import { epcQrPayload, epcQrPng } from '../../../src/domain/documents/epc-qr';

const transfer = {
  name: 'Tariff Demo GmbH',
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  currency: 'EUR',
  amount: new Decimal('637.9'),
  reference: 'RF04INV2027000042',
  text: 'INV-2027-000042',
};

describe('EPC QR payload (EPC069-12 v002)', () => {
  it('names the service, the payee, the IBAN without spaces, the amount to the cent and the structured reference', () => {
    expect(epcQrPayload(transfer)?.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'COBADEFFXXX',
      'Tariff Demo GmbH',
      'DE89370400440532013000',
      'EUR637.90',
      '',
      'RF04INV2027000042',
      '',
    ]);
  });

  it('puts the text in the unstructured field when there is no RF reference', () => {
    expect(
      epcQrPayload({ ...transfer, reference: 'INV-2027-000042' })
        ?.split('\n')
        .slice(9),
    ).toEqual(['', 'INV-2027-000042']);
  });

  it('is not made for another currency, nothing to pay, or more than the standard allows', () => {
    expect(epcQrPayload({ ...transfer, currency: 'CHF' })).toBeNull();
    expect(epcQrPayload({ ...transfer, amount: new Decimal('0') })).toBeNull();
    expect(epcQrPayload({ ...transfer, amount: new Decimal('1000000000') })).toBeNull();
  });

  it('renders as a PNG', async () => {
    const png = await epcQrPng(epcQrPayload(transfer)!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
