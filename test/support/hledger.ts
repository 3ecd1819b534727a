import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

// The hledger binary the ledger tests read exports with: the one on PATH (Debian's `hledger`
// package), else the same package fetched without root, once per machine, as test/support/browser.ts
// does for Chromium: `apt-get download` (no root needed) into a cache under the temporary folder
// and `dpkg -x` there. Each writer unpacks into its own folder and renames it into place, so
// parallel test files never run a half-written binary. hledger is one static Haskell binary: it
// runs from any folder.

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `name` on PATH, or null. */
export function onPath(name: string, path = process.env.PATH ?? ''): string | null {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

/** The Debian package unpacked under `cacheDir` (default: os.tmpdir()/tariff-hledger); its usr/bin/hledger. */
export function downloadedHledger(cacheDir = join(tmpdir(), 'tariff-hledger')): string {
  const binary = join(cacheDir, 'pkg', 'usr', 'bin', 'hledger');
  if (isExecutableFile(binary)) return binary;
  const apt = onPath('apt-get', process.env.PATH || '/usr/bin:/bin');
  const dpkg = onPath('dpkg', process.env.PATH || '/usr/bin:/bin');
  if (!apt || !dpkg) throw new Error('hledger is not installed and apt-get/dpkg are missing to fetch it: install the hledger package');
  mkdirSync(cacheDir, { recursive: true });
  const work = join(cacheDir, `work.${process.pid}.${randomBytes(4).toString('hex')}`);
  mkdirSync(work);
  try {
    execFileSync(apt, ['download', 'hledger'], { cwd: work, stdio: 'pipe', timeout: 120_000 });
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error('apt-get download hledger gave no .deb');
    execFileSync(dpkg, ['-x', join(work, deb), join(work, 'pkg')], { stdio: 'pipe' });
    if (!isExecutableFile(join(work, 'pkg', 'usr', 'bin', 'hledger'))) throw new Error(`the package ${deb} holds no usr/bin/hledger`);
    try {
      renameSync(join(work, 'pkg'), join(cacheDir, 'pkg'));
    } catch (err) {
      // Another test file unpacked it first: use theirs.
      if (!existsSync(binary)) throw err;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binary;
}

/** hledger on PATH if present, else Debian's package fetched once into the temporary folder. */
export function hledgerExecutable(): string {
  return onPath('hledger') ?? downloadedHledger();
}

/** Runs hledger on a journal file; its stdout. Throws with hledger's stderr when it fails (a check that does not pass). */
export function hledger(file: string, args: readonly string[]): string {
  try {
    return execFileSync(hledgerExecutable(), ['-f', file, ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`hledger ${args.join(' ')} failed: ${e.stderr || e.message}`, { cause: err });
  }
}
