import { CurrencyResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';

/** The graphql-scalars of CONTRACT.md, under the names clients know. */
export const CurrencyScalar = CurrencyResolver;
export const DateTimeScalar = DateTimeResolver;
export const JSONObjectScalar = JSONObjectResolver;
