/**
 * Peak memory of a whole process tree: the build spawns Astro and the Pagefind service as
 * children, and GNU time's maxrss only sees the largest process it waited for (the Pagefind
 * service is never waited for). Sampling /proc catches every descendant; the peak is the largest
 * sum of their resident sets seen at one moment.
 */
import { readFileSync, readdirSync } from 'node:fs';

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid … — comm may hold spaces and parentheses: split after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = byParent.get(ppid);
      if (list) list.push(Number(name));
      else byParent.set(ppid, [Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  return byParent;
}

function rssKB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident memory (KB) of a process and all its descendants now. */
export function treeRssKB(root: number): number {
  const byParent = children();
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssKB(pid);
    stack.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree under `root` every `ms` until stopped; returns the peak in KB. */
export function watchPeak(root: number, ms = 250): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssKB(root));
  };
  sample();
  const timer = setInterval(sample, ms);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
