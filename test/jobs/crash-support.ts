import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestApp } from '../support/app';
import { eventually } from '../support/eventually';

// The billing CLI as a child process that a crash test kills with SIGKILL (billing-crash and order-crash).
const ROOT = path.resolve(__dirname, '../..');
const CLI = ['-r', '@swc-node/register', 'src/jobs/billing.cli.ts'];

/** mulberry32: the same seed gives the same kill points, and neighbouring seeds unrelated ones. */
export function prng(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = Math.imul(state ^ (state >>> 15), state | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

export interface Run {
  child: ChildProcess;
  out: string[];
  err: string[];
  done: Promise<number | null>;
}

const started = new Set<number>();

/** `npm run billing -- --at <at> --workers <n>` on the test app's database, in a process group of its own. */
export function startBilling(t: TestApp, at: string, workers: number): Run {
  const env = { ...process.env, DATABASE_URL: t.app.db.orm.config.get('clientUrl'), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, [...CLI, '--at', at, '--workers', String(workers)], { cwd: ROOT, env, detached: true });
  started.add(child.pid!);
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => err.push(String(d)));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, err, done };
}

/** Live (not zombie) processes of a run's process group and session, read from /proc. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const [state, , pgrp, session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && Number(session) === pgid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** After a failed trial: the members of every run still going, one by one (never a group by number, which may be reused). */
export function killLeftovers(): void {
  for (const pgid of started) {
    for (const pid of groupMembers(pgid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  started.clear();
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  await eventually(condition, { until: Boolean, what, timeoutMs, intervalMs: 15 });
}

/** Kills a run with SIGKILL and waits until every process of it is gone. */
export async function killRun(run: Run): Promise<number | null> {
  const pgid = run.child.pid!;
  run.child.kill('SIGKILL');
  const code = await run.done;
  await waitUntil(() => groupMembers(pgid).length === 0, 10_000, 'the workers to exit');
  started.delete(pgid);
  return code;
}

export async function runToTheEnd(t: TestApp, at: string, workers: number): Promise<{ summary: any; ms: number }> {
  const begun = Date.now();
  const run = startBilling(t, at, workers);
  const code = await run.done;
  await waitUntil(() => groupMembers(run.child.pid!).length === 0, 10_000, 'the workers to exit');
  started.delete(run.child.pid!);
  if (code !== 0) throw new Error(`billing exited ${code}: ${run.err.join('')}`);
  return { summary: JSON.parse(run.out.join('')), ms: Date.now() - begun };
}
