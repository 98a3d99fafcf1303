import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Timer } from '../engine-host';
import { EngineHost } from '../engine-host';
import type { ReplayLog } from '../replay-log';
import { REPLAY_LOG_VERSION } from '../replay-log';
import { replayScript } from './replay-script';

const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], storageClassName: standard, resources: {requests: {storage: 1Gi}}}
`;
const pod = `apiVersion: v1
kind: Pod
metadata: {name: app}
spec:
  containers: [{name: app, image: busybox, volumeMounts: [{name: data, mountPath: /data}]}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
`;
const hostile = `it's $(rm -rf ~) \`reboot\` "quoted"\nMANIFESTS\nsecond line`;

/** A real story, recorded by the worker's engine: the same log a user would export. */
function recordedLog(): ReplayLog {
  const idle: Timer = { set: () => 0, clear: () => undefined };
  const host = new EngineHost(idle);
  host.pause();
  host.dispatch({
    type: 'apply',
    text: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: standard}\nprovisioner: ebs.csi.aws.com\n',
  });
  host.dispatch({ type: 'apply', text: `${claim}---\n${pod}` });
  host.settle();
  host.dispatch({ type: 'write', pod: { name: 'app' }, path: '/data/note.txt', content: hostile });
  host.dispatch({ type: 'crash', pod: { name: 'app' } });
  host.dispatch({ type: 'fault', target: { driver: 'ebs.csi.aws.com' }, error: 'throttled\nrm -rf /' });
  host.dispatch({
    type: 'patch',
    ref: { kind: 'PersistentVolumeClaim', name: 'data' },
    patch: { metadata: { annotations: { owner: "o'brien" } } },
  });
  host.kubectl(
    'kubectl apply -f editor.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\n',
  );
  host.kubectl('kubectl delete pod app', '');
  host.dispatch({ type: 'delete', ref: { kind: 'PersistentVolumeClaim', name: 'data' } });
  return host.replayLog();
}

const lines = (text: string) => text.split('\n');

describe('replay.sh', () => {
  it('says what it targets and refuses any context but kind or minikube', () => {
    const script = replayScript({ version: REPLAY_LOG_VERSION, options: {}, moves: [] });
    expect(lines(script)[0]).toBe('#!/usr/bin/env bash');
    expect(lines(script)).toContain('set -euo pipefail');
    expect(lines(script)).toContain('  kind-*|minikube) ;;');
    expect(script).toContain('rancher.io/local-path: WaitForFirstConsumer');
    expect(script).toContain('k8s.io/minikube-hostpath: Immediate binding');
  });

  it('turns each move into the kubectl command that does the same on a real cluster', () => {
    const script = lines(replayScript(recordedLog()));
    expect(script).toContain("kubectl apply -f - <<'MANIFESTS'");
    expect(script).toContain('wait_for --for=condition=Ready pod/app -n default');
    expect(script).toContain(
      `kubectl patch persistentvolumeclaims data -n default --type merge -p '{"metadata":{"annotations":{"owner":"o'\\''brien"}}}'`,
    );
    expect(script).toContain('kubectl delete pod app --wait=false');
    expect(script).toContain('kubectl delete persistentvolumeclaims data -n default --wait=false');
    // The kubectl line read the editor: its text comes along as the here-document.
    const fromEditor = script.indexOf(
      "kubectl apply -f - <<'MANIFESTS'",
      script.indexOf('# ---- 8. kubectl apply -f editor.yaml'),
    );
    expect(script.slice(fromEditor + 1, fromEditor + 3)).toEqual(['apiVersion: v1', 'kind: ConfigMap']);
  });

  it('leaves comments, not commands, for what only the simulator can do', () => {
    const script = lines(replayScript(recordedLog()));
    const crash = script.indexOf('# ---- 5. crash');
    const fault = script.indexOf('# ---- 6. fault');
    const patch = script.indexOf('# ---- 7. patch');
    for (const line of script.slice(crash + 1, patch).filter(Boolean))
      expect(line.startsWith('#')).toBe(true);
    // A line break in the fault's text does not end the comment.
    expect(script.slice(fault + 1, patch)).toContain(
      '# rm -rf /"). A real driver cannot be made to fail from here.',
    );
  });

  it('passes every word to kubectl exactly, however it is written (run against a stand-in kubectl)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'replay-'));
    try {
      const calls = join(directory, 'calls');
      writeFileSync(
        join(directory, 'kubectl'),
        `#!/bin/sh\nif [ "$1" = config ]; then echo kind-test; exit 0; fi\nprintf '%s\\n' '---' >> '${calls}'\nfor word in "$@"; do printf '[%s]\\n' "$word" >> '${calls}'; done\nif [ "$2" = -f ] || [ "$3" = -f ]; then cat >> '${calls}'; fi\n`,
      );
      chmodSync(join(directory, 'kubectl'), 0o755);
      const scriptPath = join(directory, 'replay.sh');
      writeFileSync(scriptPath, replayScript(recordedLog()));
      execFileSync('bash', [scriptPath], {
        env: { PATH: `${directory}:/usr/bin:/bin`, HOME: directory },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const called = readFileSync(calls, 'utf8');
      expect(called).toContain(
        `[mkdir -p "$(dirname "$1")" && printf %s "$2" > "$1"]\n[sh]\n[/data/note.txt]\n[${hostile}]\n`,
      );
      expect(called).toContain('[apply]\n[-f]\n[-]\napiVersion: v1\nkind: PersistentVolumeClaim\n');
      expect(called).toContain(
        '[patch]\n[persistentvolumeclaims]\n[data]\n[-n]\n[default]\n[--type]\n[merge]\n[-p]\n[{"metadata":{"annotations":{"owner":"o\'brien"}}}]\n',
      );
      expect(called).not.toContain('reboot]\n[');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('picks a here-document delimiter that no line of the manifests ends early', () => {
    const script = replayScript({
      version: REPLAY_LOG_VERSION,
      options: {},
      moves: [{ kind: 'intent', intent: { type: 'apply', text: 'MANIFESTS\nkind: ConfigMap' } }],
    });
    expect(lines(script)).toContain("kubectl apply -f - <<'MANIFESTS_2'");
    expect(lines(script)).toContain('MANIFESTS_2');
  });
});
