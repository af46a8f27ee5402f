/**
 * Preloaded into the API only when profiling (BENCH_CPU_PROF): exits on SIGTERM so that Node writes
 * the --cpu-prof file (NestJS's shutdown hook re-raises the signal, and a process killed by a
 * signal writes no profile). Registered before Nest's listener, so it runs first.
 */
process.once('SIGTERM', () => process.exit(0));
export {};
