import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');

// A query edited in a test but not regenerated would be sent as `{}` (the generated map has no
// entry for it) and typed by its old shape.
it('test/support/generated/ is what codegen makes of the tests’ graphql(...) documents (else run `npm run codegen:tests`)', async () => {
  const cli = path.join(ROOT, 'node_modules/.bin/graphql-codegen');
  const run = await promisify(execFile)(process.execPath, [cli, '--config', 'test/support/graphql.codegen.ts', '--check'], {
    cwd: ROOT,
  }).catch((err: { code: number; stdout: string; stderr: string }) => err);
  expect({ code: 'code' in run ? run.code : 0, out: 'code' in run ? `${run.stdout}${run.stderr}` : '' }).toEqual({ code: 0, out: '' });
}, 120_000);
