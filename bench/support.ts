import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

/** What one benchmark hands back to the runner: figures for the JSON file and lines for the table. */
export interface BenchReport {
  /** What was measured, and how (goes into the JSON file). */
  settings: Record<string, unknown>;
  /** Every measured figure (goes into the JSON file). */
  results: Record<string, unknown>;
  /** The lines of the printed table: what, value, unit. */
  rows: [string, number, string][];
  targets: Target[];
}

export interface Target {
  name: string;
  met: boolean;
  /** e.g. "62.1 % (target ≥ 50 %)" */
  detail: string;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchReport>;
}

export type MachineFacts = ReturnType<typeof machineFacts>;

/** How busy the CPUs were (all processes, % of all cores) over `ms`, measured before the benchmarks start. */
export async function cpuBusyPercent(ms = 2_000): Promise<number> {
  const sample = () => {
    let busy = 0;
    let idle = 0;
    for (const { times } of cpus()) {
      busy += times.user + times.nice + times.sys + times.irq;
      idle += times.idle;
    }
    return { busy, idle };
  };
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sample();
  const busy = after.busy - before.busy;
  return round((100 * busy) / Math.max(1, busy + after.idle - before.idle), 0);
}

export function machineFacts(cpuBusyBeforeRunPercent: number) {
  const cpuList = cpus();
  return {
    node: process.version,
    platform: `${process.platform} ${release()}`,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    gitCommit: gitCommit(),
    /** Other work on the machine skews the figures: how busy the CPUs were just before the run. */
    cpuBusyBeforeRunPercent,
    date: new Date().toISOString(),
  };
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} (uncommitted changes)` : head;
  } catch {
    return null;
  }
}

export const RESULTS_DIR = join(__dirname, 'results');

/** Writes bench/results/<name>.json and returns its path. */
export function writeResult(benchmark: Benchmark, report: BenchReport, machine: MachineFacts): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${benchmark.name}.json`);
  const { settings, results, targets } = report;
  const content = { benchmark: benchmark.name, description: benchmark.description, machine, settings, results, targets };
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

export function printTable(reports: { name: string; report: BenchReport }[]): void {
  const lines: string[][] = [['benchmark', 'measurement', 'value', 'unit']];
  for (const { name, report } of reports) {
    for (const [what, value, unit] of report.rows) lines.push([name, what, formatNumber(value), unit]);
    for (const target of report.targets) lines.push([name, `target: ${target.name}`, target.met ? 'MET' : 'NOT MET', target.detail]);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map((line) => line[column].length)));
  const render = (line: string[]) => line.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ');
  console.log(`\n${render(lines[0])}\n${widths.map((width) => '-'.repeat(width)).join('-|-')}`);
  for (const line of lines.slice(1)) console.log(render(line));
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
}

/** Rounds for the JSON file: figures, not float noise. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

const tempDirs = new Set<string>();

/** A fresh directory under the OS temp dir: remove it with `removeTempDir`; any left are removed on exit (also on Ctrl-C). */
export function makeTempDir(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(directory);
  return directory;
}

export function removeTempDir(directory: string): void {
  rmSync(directory, { recursive: true, force: true });
  tempDirs.delete(directory);
}

/** Every directory `makeTempDir` made that is still there (on exit and Ctrl-C). */
export function removeTempDirs(): void {
  for (const directory of tempDirs) removeTempDir(directory);
}

export function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}
