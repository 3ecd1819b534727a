/**
 * `node -r @swc-node/register scripts/check-import-cycles.ts`: fails (exit 1) on any import cycle
 * between files of different folders under src/domain/ (issue 14). Every import counts, `import type`
 * included: a type-only cycle is still two aggregates that cannot be read, or moved, apart.
 * A cycle inside one folder is an aggregate's own business and is allowed.
 */
import { domainImportCycles } from './import-cycles';

const cycles = domainImportCycles();
for (const cycle of cycles)
  process.stdout.write(`cycle across folders (${cycle.length} files):\n${cycle.map((f) => `  ${f}`).join('\n')}\n`);
process.stdout.write(
  cycles.length === 0
    ? 'no import cycle between folders of src/domain\n'
    : `${cycles.length} import cycle(s) between folders of src/domain\n`,
);
process.exit(cycles.length === 0 ? 0 : 1);
