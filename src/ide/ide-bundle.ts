import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIde, IdeBundle } from './build-ide';

/** Where `npm run build` writes the bundle (dist/src/ide/public); absent in the source tree. */
export const PREBUILT_DIR = join(__dirname, 'public');

let pending: Promise<IdeBundle> | undefined;

/**
 * The built files when `npm run build` made them, otherwise a build in memory on first use, once
 * per process: `npm start` and the tests run from source with no build step, and a server that
 * nobody opens the IDE on never pays for it. A failed build is tried again on the next request.
 */
export function ideBundle(): Promise<IdeBundle> {
  pending ??= load().catch((err: unknown) => {
    pending = undefined;
    throw err;
  });
  return pending;
}

async function load(): Promise<IdeBundle> {
  if (existsSync(join(PREBUILT_DIR, 'ide.js'))) {
    const [js, css] = await Promise.all([readFile(join(PREBUILT_DIR, 'ide.js')), readFile(join(PREBUILT_DIR, 'ide.css'))]);
    return { js, css };
  }
  return buildIde();
}
