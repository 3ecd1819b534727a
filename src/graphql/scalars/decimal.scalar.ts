import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Decimal, parseDecimalString } from '../../pricing/decimal';

const plain = /^-?\d+(\.\d+)?$/;

function parse(value: unknown): Decimal {
  if (typeof value !== 'string') {
    throw new GraphQLError('Decimal must be a string such as "1234.50"');
  }
  try {
    return parseDecimalString(value);
  } catch (err) {
    throw new GraphQLError(`invalid Decimal "${value.slice(0, 40)}": ${(err as Error).message}`);
  }
}

/**
 * Exact decimals as strings (PRICING.md). Input is parsed strictly; output is either a Decimal
 * (written in plain notation) or a string a type already formatted to a currency's minor unit.
 */
export const DecimalScalar = new GraphQLScalarType<Decimal | string, string>({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "1234.50". No exponent, at most 12 decimals on input.',
  serialize(value) {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string' && plain.test(value)) return value;
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be a string literal such as "1234.50"');
    return parse(ast.value);
  },
});
