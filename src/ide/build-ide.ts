import { join } from 'node:path';

/** The IDE's two files, served at /ide/ide.js and /ide/ide.css. */
export interface IdeBundle {
  js: Buffer;
  css: Buffer;
}

const ENTRY = join(__dirname, 'client', 'index.tsx');

/**
 * Bundles GraphiQL, React and the key bar from node_modules with esbuild (about a second): one
 * script and one stylesheet, nothing fetched from another origin at run time. GraphiQL's fonts
 * and icons are inlined in its stylesheet as data: URLs. esbuild is a dev dependency, loaded only
 * here: `npm run build` writes the files into dist, so a production install never builds.
 */
export async function buildIde(): Promise<IdeBundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { ide: ENTRY },
    bundle: true,
    write: false,
    outdir: 'ide',
    format: 'iife',
    platform: 'browser',
    target: ['es2022'],
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const file = (ext: string): Buffer => {
    const output = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!output) throw new Error(`esbuild produced no ${ext} file for the IDE`);
    return Buffer.from(output.contents);
  };
  return { js: file('.js'), css: file('.css') };
}
