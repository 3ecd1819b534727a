import { CurrencyResolver, JSONObjectResolver } from 'graphql-scalars';
import { DateTimeScalar } from './date-time.scalar';

/** The graphql-scalars of CONTRACT.md, under the names clients know. */
export const CurrencyScalar = CurrencyResolver;
export { DateTimeScalar };
export const JSONObjectScalar = JSONObjectResolver;
