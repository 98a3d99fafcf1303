/**
 * How much memory the timeline costs: a 500-object cluster (the app's stress example), then
 * 10,000 reconcile rounds kept as frames, with a change every 25 rounds (a pod deleted or
 * re-created) so the frames are not all alike. Frames share structure with each other (the
 * engine's states are copy-on-write), so the timeline should cost far less than 10,000 clusters.
 * Run by `npm run bench` after the engine figures. Figures only; nothing asserts speed.
 */
import { getHeapStatistics } from 'node:v8';
import { performance } from 'node:perf_hooks';
import { stressYaml } from '../../ui/examples/stress';
import { EngineHost } from '../engine-host';

const ROUNDS = 10_000;
const CHANGE_EVERY = 25;
const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc?.();
  return getHeapStatistics().used_heap_size / (1024 * 1024);
}

function podManifest(index: number): string {
  const documents = stressYaml(index + 1).split('\n---\n');
  return documents.at(-1) ?? '';
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

function measureTimelineMemory(): void {
  const idle = { set: () => 0, clear: () => undefined };
  const before = heapMb();
  const host = new EngineHost(idle);
  host.pause();
  const applied = host.dispatch({ type: 'apply', text: stressYaml(166) });
  if (!applied.ok) throw new Error(applied.error.message);
  host.settle();
  const settledCluster = heapMb();
  const objects = Object.values(host.current.state.objects).reduce(
    (sum, table) => sum + Object.keys(table).length,
    0,
  );
  const framesAtStart = host.timelineFrames.length;

  const started = performance.now();
  let toggled = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % CHANGE_EVERY === 0) {
      const index = toggled % 166;
      const ref = { kind: 'Pod' as const, namespace: 'default', name: `load-pod-${index}` };
      const exists = host.current.state.objects.Pod[`default/load-pod-${index}`] !== undefined;
      host.dispatch(exists ? { type: 'delete', ref } : { type: 'apply', text: podManifest(index) });
      toggled += 1;
    }
    host.step();
  }
  const elapsed = performance.now() - started;
  const withTimeline = heapMb();
  const frames = host.timelineFrames.length - framesAtStart;
  const clusterMb = settledCluster - before;
  const timelineMb = withTimeline - settledCluster;
  print(
    `\ntimeline: ${objects} objects, ${frames} frames (${ROUNDS} rounds, an intent every ${CHANGE_EVERY})`,
  );
  print(`  one settled cluster, retained:   ${clusterMb.toFixed(1)} MB`);
  print(
    `  the ${frames} frames on top of it: ${timelineMb.toFixed(1)} MB (${((timelineMb * 1024) / frames).toFixed(1)} KB a frame)`,
  );
  print(`  as full copies they would be about ${((clusterMb * frames) / 1024).toFixed(0)} GB`);
  print(`  time: ${(elapsed / 1000).toFixed(1)} s (${((elapsed * 1000) / frames).toFixed(0)} µs a frame)`);
  // The host stays alive until here, so the heap figures above include it.
  print(`  head frame: ${host.position.head}`);
}

measureTimelineMemory();
