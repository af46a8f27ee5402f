import { cpus } from 'node:os';

/**
 * How busy the machine's other processes kept the CPUs while something was measured: all cores'
 * busy time minus this process's own CPU time, in % of all cores. Other work skews the figures
 * (shared by the read-side benchmarks).
 */
export function startCpuLoadMeter(): () => { otherProcessesPercent: number; thisProcessPercent: number } {
  const machineBefore = machineBusyMs();
  const ownBefore = process.cpuUsage();
  const started = Date.now();
  return () => {
    const elapsedMs = Math.max(1, Date.now() - started);
    const capacityMs = elapsedMs * cpus().length;
    const own = process.cpuUsage(ownBefore);
    const ownMs = (own.user + own.system) / 1000;
    const machineMs = machineBusyMs() - machineBefore;
    const percent = (ms: number) => Math.round((1000 * Math.max(0, ms)) / capacityMs) / 10;
    return { otherProcessesPercent: percent(machineMs - ownMs), thisProcessPercent: percent(ownMs) };
  };
}

function machineBusyMs(): number {
  return cpus().reduce((total, { times }) => total + times.user + times.nice + times.sys + times.irq, 0);
}
