import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** PostgreSQL's timestamptz and our period arithmetic both want years 1 to 9999. */
function inRange(value: Date): Date {
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) throw new GraphQLError('DateTime must fall in the years 0001 to 9999 (UTC)');
  return value;
}

/** graphql-scalars' DateTime (RFC 3339 with offset), limited to the years a database can store. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => inRange(DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast, variables) => inRange(DateTimeResolver.parseLiteral(ast, variables) as Date),
});
