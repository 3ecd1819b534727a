import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIde } from './build-ide';

// `npm run build`: writes the IDE's bundle where the built server looks for it
// (dist/src/ide/public), so a production install neither needs esbuild nor builds at run time.
async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? 'dist/src/ide/public');
  const bundle = await buildIde();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'ide.js'), bundle.js);
  writeFileSync(join(outDir, 'ide.css'), bundle.css);
  console.log(`GraphQL IDE: ${outDir} (ide.js ${bundle.js.length} bytes, ide.css ${bundle.css.length} bytes)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
