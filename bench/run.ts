/**
 * `npm run bench` runs every benchmark; `npm run bench -- --only <name>` runs one.
 * Each writes bench/results/<name>.json; a table of all of them is printed at the end.
 * Exit code 1 when a benchmark fails (e.g. non-2xx responses); missed targets are reported, not fatal.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { directoryCheck } from './directory-check';
import { eventStoreAppend } from './event-store-append';
import { httpFileCase } from './http-file-case';
import { projectionCatchup } from './projection-catchup';
import { queryLatency } from './query-latency';
import { caseSearch } from './case-search';
import { killAllChildren } from './child-server';
import { Benchmark, BenchReport, cpuBusyPercent, log, machineFacts, printTable, removeTempDirs, writeResult } from './support';

const BUSY_WARNING_PERCENT = 15;

const BENCHMARKS: Benchmark[] = [eventStoreAppend, httpFileCase, projectionCatchup, queryLatency, caseSearch, directoryCheck];

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const selected = values.only ? BENCHMARKS.filter((benchmark) => benchmark.name === values.only) : BENCHMARKS;
  if (selected.length === 0) {
    console.error(`Unknown benchmark "${values.only}". Benchmarks: ${BENCHMARKS.map((benchmark) => benchmark.name).join(', ')}`);
    return 2;
  }
  const busy = await cpuBusyPercent();
  if (busy > BUSY_WARNING_PERCENT) log(`WARNING: the CPUs were ${busy} % busy before the run: other work will skew the figures`);
  const done: { name: string; report: BenchReport }[] = [];
  let failed = false;
  for (const benchmark of selected) {
    try {
      const report = await benchmark.run();
      log(`${benchmark.name}: wrote ${writeResult(benchmark, report, machineFacts(busy))}`);
      done.push({ name: benchmark.name, report });
    } catch (error) {
      failed = true;
      console.error(`\n${benchmark.name} FAILED: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
  }
  printTable(done);
  return failed ? 1 : 0;
}

function cleanUp(): void {
  killAllChildren();
  removeTempDirs();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    process.exit(130); // runs cleanUp through the exit handler
  });
}
process.on('exit', cleanUp);

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
