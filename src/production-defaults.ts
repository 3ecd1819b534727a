// Imported first by the entry points: graphql-js and express read NODE_ENV when they load, and
// their development mode (graphql's cross-realm instanceof checks) costs a tenth of a request.
process.env.NODE_ENV ??= 'production';
