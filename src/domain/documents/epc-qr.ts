import QRCode from 'qrcode';
import type { Decimal } from '../../pricing/decimal';

/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002) a banking app scans to fill in a SEPA
 * credit transfer: only for euros, an IBAN to pay to, and an amount the standard allows
 * (0.01 to 999,999,999.99). With a structured RF reference the unstructured text stays empty,
 * as the standard requires one or the other.
 */
export interface EpcTransfer {
  name: string;
  iban: string;
  bic: string | null;
  currency: string;
  amount: Decimal;
  reference: string | null;
  text: string | null;
}

export function epcQrPayload(t: EpcTransfer): string | null {
  if (t.currency !== 'EUR' || !t.iban || t.amount.lt('0.01') || t.amount.gt('999999999.99')) return null;
  const structured = t.reference && /^RF\d{2}[A-Za-z0-9]{1,21}$/.test(t.reference.replace(/\s/g, '')) ? t.reference.replace(/\s/g, '') : '';
  return [
    'BCD',
    '002',
    '1', // UTF-8
    'SCT',
    t.bic ?? '',
    t.name.slice(0, 70),
    t.iban.replace(/\s/g, '').toUpperCase(),
    `EUR${t.amount.toFixed(2)}`,
    '', // purpose
    structured,
    structured ? '' : (t.text ?? '').slice(0, 140),
  ].join('\n');
}

/** The code as a PNG (error correction M, as EPC069-12 asks). */
export function epcQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { errorCorrectionLevel: 'M', type: 'png', margin: 1, width: 240 });
}
