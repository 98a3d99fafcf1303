/**
 * `npm run bench`: the engine end to end — parse, apply and settle n volumes and n claims — for
 * growing n, with time, growth and sampled peak heap. Figures only; nothing here asserts speed.
 */
import { getHeapStatistics } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { Cluster } from '../cluster';
import { settle } from '../sim/loop';
import { volumesAndClaimsYaml } from './workload';

interface Measurement {
  readonly count: number;
  readonly parseApplyMs: number;
  readonly settleMs: number;
  readonly totalMs: number;
  /** CPU time of this process: steadier than wall time when the machine is busy. */
  readonly cpuMs: number;
  readonly rounds: number;
  readonly bound: number;
  readonly peakHeapMb: number;
  /** Heap still in use after a full collection, with the settled cluster alive. */
  readonly retainedHeapMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  return getHeapStatistics().used_heap_size / (1024 * 1024);
}

function measure(count: number): Measurement {
  gc?.();
  const text = volumesAndClaimsYaml(count);
  gc?.();
  let peak = heapMb();
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const cluster = new Cluster();
  const applied = cluster.apply(text);
  if (!applied.ok) throw new Error(`apply failed: ${applied.error.message}`);
  peak = Math.max(peak, heapMb());
  const afterApply = performance.now();
  const result = settle(cluster.state, 200, () => {
    peak = Math.max(peak, heapMb());
  });
  const finished = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  if (!result.converged) throw new Error(`settle did not converge for ${count}`);
  const bound = Object.values(result.state.objects.PersistentVolumeClaim).filter(
    (claim) => claim.status?.phase === 'Bound',
  ).length;
  gc?.();
  // Measured while the settled state (result) is still referenced below.
  const retainedHeapMb = heapMb();
  return {
    count,
    parseApplyMs: afterApply - started,
    settleMs: finished - afterApply,
    totalMs: finished - started,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rounds: result.rounds,
    bound,
    peakHeapMb: peak,
    retainedHeapMb,
  };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((value) => value > 0);
const counts = sizes.length > 0 ? sizes : [1_000, 10_000, 20_000, 50_000];
const rows: Measurement[] = [];
process.stdout.write(
  'volumes+claims   parse+apply ms   settle ms   total ms   cpu ms   rounds   bound   peak heap MB   retained MB   cpu growth (n log n)\n',
);
for (const count of counts) {
  const row = measure(count);
  const previous = rows.at(-1);
  const growth = previous
    ? `${(row.cpuMs / previous.cpuMs).toFixed(1)}x (${((count * Math.log2(count)) / (previous.count * Math.log2(previous.count))).toFixed(1)}x)`
    : '-';
  rows.push(row);
  process.stdout.write(
    `${pad(`${count}+${count}`, 14)}   ${pad(row.parseApplyMs.toFixed(0), 11)}   ${pad(row.settleMs.toFixed(0), 9)}   ${pad(row.totalMs.toFixed(0), 8)}   ${pad(row.cpuMs.toFixed(0), 6)}   ${pad(row.rounds, 6)}   ${pad(row.bound, 5)}   ${pad(row.peakHeapMb.toFixed(0), 12)}   ${pad(row.retainedHeapMb.toFixed(0), 11)}   ${growth}\n`,
  );
}
