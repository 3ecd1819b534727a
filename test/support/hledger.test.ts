import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { downloadedHledger, onPath } from './hledger';

// The fallback of hledgerExecutable() on a machine without hledger: PATH cleared, Debian's
// package fetched without root into a fresh cache and unpacked there; a second call reuses it.
jest.setTimeout(180_000);

it('fetches hledger without root when it is not on PATH, once', () => {
  expect(onPath('hledger', '')).toBeNull();
  const cache = mkdtempSync(path.join(tmpdir(), 'tariff-hledger-test-'));
  try {
    const binary = downloadedHledger(cache);
    expect(binary).toBe(path.join(cache, 'pkg', 'usr', 'bin', 'hledger'));
    expect(execFileSync(binary, ['--version'], { encoding: 'utf8' })).toMatch(/^hledger 1\.\d+/);
    expect(downloadedHledger(cache)).toBe(binary);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});
