import type { DumpFile } from './stripe/dump-reader';

export type RecordKind = 'product' | 'price' | 'coupon' | 'customer' | 'subscription' | 'invoice';
export const RECORD_KINDS: readonly RecordKind[] = ['product', 'price', 'coupon', 'customer', 'subscription', 'invoice'];

/** One record the run did not import, or found imported but different: where it is and why. */
export interface RecordNote {
  kind: RecordKind;
  file: DumpFile;
  line: number;
  id: string | null;
  reason: string;
}

export interface KindCounts {
  /** Records in the file (lines holding an object). */
  read: number;
  /** Written by this run (with --dry-run: would be). */
  imported: number;
  /** Imported by an earlier run: left as they are. */
  existing: number;
  rejected: number;
  /** Not for import: deleted objects, settled invoices (see the report's `skipped`). */
  skipped: number;
}

export interface ImportProgress {
  phase: RecordKind;
  done: number;
  total: number;
  rejected: number;
  /** Since the phase began. */
  elapsedMs: number;
}

/** Counts and notes of a run, kept as records finish (in any order: they run concurrently). */
export class RunBook {
  readonly counts = Object.fromEntries(
    RECORD_KINDS.map((k) => [k, { read: 0, imported: 0, existing: 0, rejected: 0, skipped: 0 }]),
  ) as Record<RecordKind, KindCounts>;
  readonly rejected: RecordNote[] = [];
  readonly skipped: RecordNote[] = [];
  /** Records imported before whose stored state no longer matches the dump (a run without --resume compares). */
  readonly drifted: RecordNote[] = [];
  /** Stripe id → why it was not imported, for the reconciliation to say why a record is missing. */
  readonly reasons = new Map<string, string>();

  reject(note: RecordNote): void {
    this.counts[note.kind].rejected++;
    this.rejected.push(note);
    if (note.id) this.reasons.set(note.id, note.reason);
  }

  skip(note: RecordNote): void {
    this.counts[note.kind].skipped++;
    this.skipped.push(note);
    if (note.id) this.reasons.set(note.id, note.reason);
  }

  drift(note: RecordNote): void {
    this.drifted.push(note);
  }
}
