/** What a document can be opened as (CONTRACT.md, Documents): quotes and credit notes as PDF and HTML; invoices also as EN 16931 XML. */
export enum DocumentFormat {
  PDF = 'PDF',
  UBL = 'UBL',
  CII = 'CII',
  HTML = 'HTML',
}

/** The documents a link can point at; the path segment of GET /documents/<type>/… */
export enum DocumentType {
  INVOICE = 'invoice',
  CREDIT_NOTE = 'credit-note',
  QUOTE = 'quote',
}

/** The formats each document type has. */
export const FORMATS: Record<DocumentType, readonly DocumentFormat[]> = {
  [DocumentType.INVOICE]: [DocumentFormat.PDF, DocumentFormat.UBL, DocumentFormat.CII, DocumentFormat.HTML],
  [DocumentType.CREDIT_NOTE]: [DocumentFormat.PDF, DocumentFormat.HTML],
  [DocumentType.QUOTE]: [DocumentFormat.PDF, DocumentFormat.HTML],
};

export const EXTENSIONS: Record<DocumentFormat, string> = {
  [DocumentFormat.PDF]: 'pdf',
  [DocumentFormat.UBL]: 'ubl.xml',
  [DocumentFormat.CII]: 'cii.xml',
  [DocumentFormat.HTML]: 'html',
};

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  [DocumentFormat.PDF]: 'application/pdf',
  [DocumentFormat.UBL]: 'application/xml; charset=utf-8',
  [DocumentFormat.CII]: 'application/xml; charset=utf-8',
  [DocumentFormat.HTML]: 'text/html; charset=utf-8',
};

/** A file name from the document's number: letters, digits, `-`, `_` and `.` only, so no header can be forged. */
export function documentFileName(number: string, format: DocumentFormat): string {
  return `${number.replace(/[^A-Za-z0-9._-]/g, '_')}.${EXTENSIONS[format]}`;
}
