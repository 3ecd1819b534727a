import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildTariffSchema, printTariffSchema } from '../../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the resolvers build (run `npm run schema:emit` after changing a resolver)', async () => {
    const checkedIn = readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
    const built = printTariffSchema(await buildTariffSchema());
    expect(built).toBe(checkedIn);
  });
});
