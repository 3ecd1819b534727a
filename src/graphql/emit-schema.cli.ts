/** `npm run schema:emit`: writes schema/schema.graphql from the resolvers. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTariffSchema, printTariffSchema } from './schema';

const schemaFile = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');

buildTariffSchema()
  .then((schema) => {
    writeFileSync(schemaFile, printTariffSchema(schema));
    console.log(`wrote ${path.relative(process.cwd(), schemaFile)}`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
