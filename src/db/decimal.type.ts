import { Type } from '@mikro-orm/core';
import { Decimal } from '../pricing/decimal';

/**
 * `numeric` ⇄ Decimal. The pg driver hands numerics over as strings, so no value ever passes
 * through a JavaScript number (PRICING.md: Money).
 */
export class DecimalType extends Type<Decimal | null | undefined, string | null | undefined> {
  override convertToDatabaseValue(value: Decimal | string | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    return typeof value === 'string' ? value : value.toFixed();
  }

  override convertToJSValue(value: string | Decimal | null | undefined): Decimal | null | undefined {
    if (value === null || value === undefined) return value;
    return value instanceof Decimal ? value : new Decimal(value);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(): string {
    return 'numeric';
  }
}
