/**
 * Runs a benchmark child process under `/usr/bin/time -v` and reports what the benchmarks
 * compare: stdout, wall seconds, CPU seconds (user + system) and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export interface Timed {
  stdout: string;
  wallS: number;
  /** User + system CPU time, s (less sensitive to other load on a shared machine). */
  cpuS: number;
  peakRssMB: number;
}

const root = join(import.meta.dirname, '..');
const reportDir = join(root, 'bench', '.generated');

/** Runs `cmd args` (cwd: the repository) under /usr/bin/time -v. */
export function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Timed {
  mkdirSync(reportDir, { recursive: true });
  const report = join(reportDir, `time-${process.pid}.txt`);
  const t0 = performance.now();
  const stdout = execFileSync('/usr/bin/time', ['-v', '-o', report, cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, cwd: root, env: env ?? process.env });
  const wallS = (performance.now() - t0) / 1000;
  const text = readFileSync(report, 'utf8');
  unlinkSync(report);
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    stdout,
    wallS,
    cpuS: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    peakRssMB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
  };
}
