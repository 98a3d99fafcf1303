/** Checks a scenario's expectations against a cluster state; returns what differed. */
import type { KubeObject } from '../model/types';
import { formatRef, objectKey, KINDS } from '../model/types';
import { compareQuantities, parseQuantity } from '../model/quantity';
import { findPod } from '../cluster';
import { readPodFile } from '../sim/pod-files';
import type { ClusterState } from '../sim/state';
import type { Expectation, ObjectExpectation } from './format';

export function checkExpectation(state: ClusterState, expectation: Expectation): string[] {
  if ('count' in expectation) {
    const { kind, phase, equals } = expectation.count;
    const objects = Object.values(state.objects[kind]) as KubeObject[];
    const matching = objects.filter((object) => phase === undefined || phaseOf(object) === phase).length;
    return matching === equals
      ? []
      : [`count of ${kind}${phase ? ` in phase ${phase}` : ''}: expected ${equals}, got ${matching}`];
  }
  if ('read' in expectation) {
    const { pod: podRef, path, content, absent } = expectation.read;
    const pod = findPod(state, podRef);
    const where = `read ${podRef.namespace}/${podRef.name}:${path}`;
    if (!pod.ok) return [`${where}: ${pod.error.message}`];
    const result = readPodFile(state, pod.value, path);
    if (!result.ok) return [`${where}: ${result.error.message}`];
    if (absent)
      return result.value.found
        ? [`${where}: expected no file, found ${JSON.stringify(result.value.content)}`]
        : [];
    if (!result.value.found)
      return [`${where}: expected ${JSON.stringify(content)}, but there is no such file`];
    return result.value.content === content
      ? []
      : [`${where}: expected ${JSON.stringify(content)}, got ${JSON.stringify(result.value.content)}`];
  }
  return checkObject(state, expectation);
}

function phaseOf(object: KubeObject): string | undefined {
  return (object as { status?: { phase?: string } }).status?.phase;
}

function checkObject(state: ClusterState, expectation: ObjectExpectation): string[] {
  const ref = expectation.object;
  const label = formatRef(ref);
  const object = (state.objects[ref.kind] as Record<string, KubeObject>)[
    objectKey(KINDS[ref.kind].namespaced ? ref.namespace : undefined, ref.name)
  ];
  if (expectation.absent === true)
    return object ? [`${label}: expected absent, but it exists (phase ${phaseOf(object) ?? '-'})`] : [];
  if (!object) return [`${label}: expected to exist, but it does not`];
  if (expectation.absent === false) return [];
  const problems: string[] = [];
  const differ = (field: string, expected: unknown, actual: unknown) =>
    problems.push(
      `${label} ${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual ?? null)}`,
    );
  const spec = (object as { spec?: Record<string, unknown> }).spec ?? {};
  const status = (object as { status?: Record<string, unknown> }).status ?? {};
  if (expectation.phase !== undefined && phaseOf(object) !== expectation.phase)
    differ('phase', expectation.phase, phaseOf(object));
  if (expectation.claim !== undefined) {
    const claimRef = spec['claimRef'] as { namespace?: string; name?: string } | undefined;
    const actual = claimRef ? `${claimRef.namespace ?? ''}/${claimRef.name ?? ''}` : null;
    if (actual !== expectation.claim) differ('claim', expectation.claim, actual);
  }
  if (expectation.volume !== undefined && spec['volumeName'] !== expectation.volume)
    differ('volume', expectation.volume, spec['volumeName']);
  if (expectation.capacity !== undefined) {
    const actual = (status['capacity'] as Record<string, string> | undefined)?.['storage'];
    const equal =
      actual !== undefined &&
      parseQuantity(actual) &&
      parseQuantity(expectation.capacity) &&
      compareQuantities(actual, expectation.capacity) === 0;
    if (!equal) differ('capacity', expectation.capacity, actual);
  }
  if (
    expectation.storageClassName !== undefined &&
    spec['storageClassName'] !== expectation.storageClassName
  ) {
    differ('storageClassName', expectation.storageClassName, spec['storageClassName']);
  }
  for (const [key, value] of Object.entries(expectation.annotations ?? {})) {
    const actual = object.metadata?.annotations?.[key];
    if (actual !== value) differ(`annotation ${key}`, value, actual);
  }
  if (expectation.finalizers !== undefined) {
    const actual = [...(object.metadata?.finalizers ?? [])].sort();
    const expected = [...expectation.finalizers].sort();
    if (actual.join(',') !== expected.join(',')) differ('finalizers', expected, actual);
  }
  if (
    expectation.deleting !== undefined &&
    (object.metadata?.deletionTimestamp !== undefined) !== expectation.deleting
  ) {
    differ('deleting', expectation.deleting, object.metadata?.deletionTimestamp !== undefined);
  }
  if (expectation.node !== undefined) {
    const actual = (spec['nodeName'] as string | undefined) ?? null;
    if (actual !== expectation.node) differ('node', expectation.node, actual);
  }
  const reasons = eventReasonsFor(state, object);
  if (expectation.event !== undefined && !reasons.includes(expectation.event)) {
    problems.push(
      `${label}: expected an event ${expectation.event}, recorded: ${reasons.join(', ') || 'none'}`,
    );
  }
  if (expectation.noEvent !== undefined && reasons.includes(expectation.noEvent)) {
    problems.push(`${label}: expected no event ${expectation.noEvent}, but one was recorded`);
  }
  return problems;
}

/** Reasons of the Events recorded for exactly this object (matched by uid, as kubectl describe does). */
export function eventReasonsFor(state: ClusterState, object: KubeObject): string[] {
  const uid = object.metadata?.uid;
  return Object.values(state.objects.Event)
    .filter((event) => event.involvedObject.uid === uid && event.involvedObject.kind === object.kind)
    .map((event) => event.reason ?? '');
}
