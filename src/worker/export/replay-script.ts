/**
 * The story as a bash script for a real local cluster (kind or minikube): each move of the replay
 * log becomes the kubectl command that does the same there (manifests as here-documents), with
 * waits where the next command needs a running pod, and comments where the simulator did
 * something no command can (crashes, injected faults, a fresh cluster). Every word taken from the
 * story is quoted, so nothing in it can run as shell code.
 */
import type { ClusterState, KindName, ObjectRef } from '../../engine';
import { KINDS, isKindName, tokenize, userManifestsYaml } from '../../engine';
import { parseManifests } from '../../engine/api/manifests';
import type { Intent } from '../protocol';
import type { Move, ReplayLog } from '../replay-log';
import { comment, shellLine, shellWord, withHereDocument } from './shell';

const HEADER = `#!/usr/bin/env bash
# A story from "Kubernetes storage, visualized", replayed on a real cluster.
#
# Run it against a local practice cluster made with kind or minikube, never a cluster you care
# about: it creates, changes and deletes objects. It stops unless the current kubectl context is
# kind-* or minikube (REPLAY_ANY_CONTEXT=1 runs it anyway).
#
# Storage there differs from the simulator's:
# - kind's default StorageClass "standard" uses rancher.io/local-path: WaitForFirstConsumer, a
#   directory on the node that runs the pod (the simulator's local-path driver works the same way).
# - minikube's default "standard" uses k8s.io/minikube-hostpath: Immediate binding, a hostPath
#   directory on the minikube node.
# - The simulator's cloud and CSI drivers (ebs.csi.aws.com, pd.csi.storage.gke.io,
#   disk.csi.azure.com, nfs.csi.k8s.io) are not installed there: claims of classes that name them
#   stay Pending. Change their storageClassName to "standard" to see them bind.
# - The simulator's nodes are node-a, node-b and node-c; yours have other names (kubectl get
#   nodes). Manifests that name a node (nodeName, node affinity) need yours.
set -euo pipefail

context="$(kubectl config current-context)"
case "$context" in
  kind-*|minikube) ;;
  *)
    if [ "\${REPLAY_ANY_CONTEXT:-}" != 1 ]; then
      echo "The current context is $context, not a kind or minikube cluster; set REPLAY_ANY_CONTEXT=1 to go on." >&2
      exit 1
    fi
    ;;
esac

# Waits, but goes on if the wait times out: the story may leave a pod pending on purpose.
wait_for() {
  kubectl wait "$@" --timeout=60s || echo "(still not there: $*; going on)" >&2
}`;

type PodKey = string;

interface Script {
  readonly lines: string[];
  /** Pods created since the last wait, to wait for when the story lets time pass. */
  readonly newPods: Map<PodKey, { readonly namespace: string; readonly name: string }>;
  defaultNamespace: string;
}

function podsIn(text: string, defaultNamespace: string): { namespace: string; name: string }[] {
  const parsed = parseManifests(text);
  if (!parsed.ok) return [];
  const contents = parsed.manifests.flatMap((manifest) => {
    const content = manifest.content as { kind?: unknown; items?: unknown };
    return content?.kind === 'List' && Array.isArray(content.items)
      ? (content.items as unknown[])
      : [content];
  });
  return contents.flatMap((content) => {
    const object = content as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } } | null;
    if (object?.kind !== 'Pod' || typeof object.metadata?.name !== 'string') return [];
    const namespace =
      typeof object.metadata.namespace === 'string' ? object.metadata.namespace : defaultNamespace;
    return [{ namespace, name: object.metadata.name }];
  });
}

function notePods(script: Script, text: string): void {
  for (const pod of podsIn(text, script.defaultNamespace))
    script.newPods.set(`${pod.namespace}/${pod.name}`, pod);
}

function waitForPod(namespace: string, name: string): string {
  return `wait_for --for=condition=Ready ${shellLine([`pod/${name}`, '-n', namespace])}`;
}

function objectArgs(ref: ObjectRef, defaultNamespace: string): string[] {
  const kind: KindName = ref.kind;
  const resource = isKindName(kind) ? KINDS[kind].resource : String(kind).toLowerCase();
  const namespaced = isKindName(kind) && KINDS[kind].namespaced;
  return namespaced ? [resource, ref.name, '-n', ref.namespace ?? defaultNamespace] : [resource, ref.name];
}

function intentLines(script: Script, intent: Intent): string[] {
  const namespace = script.defaultNamespace;
  switch (intent.type) {
    case 'apply':
    case 'create':
      notePods(script, intent.text);
      return [withHereDocument(`kubectl ${intent.type} -f -`, intent.text)];
    case 'delete':
      // Real kubectl waits for finalizers by default; a protected claim would hold the script.
      return [`kubectl delete ${shellLine(objectArgs(intent.ref, namespace))} --wait=false`];
    case 'patch':
      return [
        `kubectl patch ${shellLine(objectArgs(intent.ref, namespace))} --type merge -p ${shellWord(JSON.stringify(intent.patch))}`,
      ];
    case 'write': {
      const podNamespace = intent.pod.namespace ?? namespace;
      return [
        waitForPod(podNamespace, intent.pod.name),
        `kubectl exec ${shellLine(['-n', podNamespace, intent.pod.name])} -- sh -c 'mkdir -p "$(dirname "$1")" && printf %s "$2" > "$1"' sh ${shellLine([intent.path, intent.content])}`,
      ];
    }
    case 'crash':
      return [
        comment(
          `Here the simulator crashed pod ${intent.pod.name}: its containers restarted, its volumes stayed.\nNo command does exactly that; killing the main process comes close (some images ignore it):`,
        ),
        `# kubectl exec ${shellLine(['-n', intent.pod.namespace ?? namespace, intent.pod.name])} -- kill 1`,
      ];
    case 'fault':
      return [
        comment(
          'driver' in intent.target
            ? `Here the simulator made driver ${intent.target.driver} fail ("${intent.error}"). A real driver cannot be made to fail from here.`
            : `Here the simulator made node ${intent.target.node} stop responding. On kind, pausing the node's container does that:\n  docker pause <your node>`,
        ),
      ];
    case 'clearFault':
      return [
        comment(
          'driver' in intent.target
            ? `Here driver ${intent.target.driver} recovered in the simulator.`
            : `Here node ${intent.target.node} recovered in the simulator (on kind: docker unpause <your node>).`,
        ),
      ];
    case 'reset': {
      script.defaultNamespace = intent.options?.defaultNamespace ?? 'default';
      const nodes = intent.options?.nodes?.map((node) => node.name).join(', ');
      return [
        comment(
          `Here the simulator started over with a fresh cluster${nodes ? ` (nodes ${nodes})` : ''}. To do the same, recreate\nyours (kind delete cluster && kind create cluster, or minikube delete && minikube start)\nor delete what the steps above created. The steps below assume a fresh cluster.`,
        ),
      ];
    }
  }
}

const FILE_FLAGS = new Set(['-f', '--filename']);

/** A kubectl line of the terminal, with the editor's text where it read a file. */
function kubectlLines(script: Script, line: string, editorText: string | undefined): string[] {
  const tokens = tokenize(line);
  if (!tokens.ok) return [comment(`This kubectl line could not be read again: ${line}`)];
  const words =
    tokens.words[0] === 'kubectl' || tokens.words[0] === 'k' ? tokens.words.slice(1) : [...tokens.words];
  const rewritten: string[] = [];
  let readsFile = false;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (FILE_FLAGS.has(word)) {
      rewritten.push('-f', '-');
      index += 1;
      readsFile = true;
    } else if (
      word.startsWith('--filename=') ||
      (word.startsWith('-f') && word.length > 2 && !word.startsWith('--'))
    ) {
      rewritten.push('-f', '-');
      readsFile = true;
    } else rewritten.push(word);
  }
  if (rewritten[0] === 'delete' && !rewritten.some((word) => word.startsWith('--wait')))
    rewritten.push('--wait=false');
  const command = `kubectl ${shellLine(rewritten)}`;
  if (!readsFile) return [command];
  notePods(script, editorText ?? '');
  return [withHereDocument(command, editorText ?? '')];
}

function restoreLines(state: ClusterState): string[] {
  let manifests: string;
  try {
    manifests = userManifestsYaml(state);
  } catch {
    return [
      comment(
        'The story starts from a saved cluster whose objects could not be read; they are not created here.',
      ),
    ];
  }
  return [
    comment('The story starts from a saved cluster. Its objects:'),
    manifests ? withHereDocument('kubectl apply -f -', manifests) : comment('(it had none of yours)'),
  ];
}

function moveLines(script: Script, move: Move): string[] {
  switch (move.kind) {
    case 'intent':
      return intentLines(script, move.intent);
    case 'kubectl':
      return kubectlLines(script, move.line, move.editorText);
    case 'restore':
      return restoreLines(move.state);
    case 'rounds': {
      const waits = [...script.newPods.values()].map((pod) => waitForPod(pod.namespace, pod.name));
      script.newPods.clear();
      return [
        comment(
          `The controllers reconciled (${move.count} round${move.count === 1 ? '' : 's'} in the simulator).`,
        ),
        ...waits,
      ];
    }
  }
}

function moveTitle(move: Move): string {
  switch (move.kind) {
    case 'intent':
      return move.intent.type;
    case 'kubectl':
      return `kubectl ${move.line.replace(/^\s*(kubectl|k)\s+/, '')}`.split('\n')[0] ?? 'kubectl';
    case 'restore':
      return 'the saved cluster';
    case 'rounds':
      return 'time passes';
  }
}

export function replayScript(log: ReplayLog): string {
  const script: Script = {
    lines: [HEADER],
    newPods: new Map(),
    defaultNamespace: log.options.defaultNamespace ?? 'default',
  };
  log.moves.forEach((move, index) => {
    script.lines.push('', `# ---- ${index + 1}. ${moveTitle(move).replace(/[\r\n]+/g, ' ')}`);
    script.lines.push(...moveLines(script, move));
  });
  script.lines.push('', 'echo "The story has been replayed. See it with: kubectl get pv,pvc,pods -A"', '');
  return script.lines.join('\n');
}
