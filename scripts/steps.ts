/**
 * The `step` lines the build prints and the benchmark reads: "step ingest 5.31 s (cpu 6.20 s)".
 * Processor time is that of the printing process (all its threads): a figure that does not grow
 * with the load other programs put on the machine.
 */
import { performance } from 'node:perf_hooks';

export interface StepClock {
  started: number;
  usage: NodeJS.CpuUsage;
}

export const startStep = (): StepClock => ({ started: performance.now(), usage: process.cpuUsage() });

export function printStep(name: string, clock: StepClock, cpu = false): void {
  const used = process.cpuUsage(clock.usage);
  const note = cpu ? ` (cpu ${((used.user + used.system) / 1e6).toFixed(2)} s)` : '';
  console.log(`step ${name} ${((performance.now() - clock.started) / 1000).toFixed(2)} s${note}`);
}
