/**
 * What a container sees at a path: the volume mounted there (longest mountPath wins) or, outside
 * every mount, the container's own writable layer, which a crash throws away.
 */
import type { Pod } from '../model/types';
import { nameOf, namespaceOf, uidOf } from '../model/object-helpers';
import { refOf } from '../model/types';
import type { ApiError, Result } from '../api/errors';
import { fail, ok } from '../api/errors';
import type { ClusterState, PodRuntime } from './state';
import type { ClusterWriter } from './writer';

interface Resolved {
  readonly volumeName?: string;
  readonly relative: string;
  readonly readOnly: boolean;
}

export function normalizePath(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function resolvePath(pod: Pod, path: string): Resolved {
  let best: { mountPath: string; name: string; readOnly: boolean; subPath?: string } | undefined;
  for (const container of pod.spec?.containers ?? []) {
    for (const mount of container.volumeMounts ?? []) {
      const mountPath = normalizePath(mount.mountPath) ?? mount.mountPath;
      const inside = path === mountPath || path.startsWith(mountPath === '/' ? '/' : `${mountPath}/`);
      if (inside && (!best || mountPath.length > best.mountPath.length)) {
        best = {
          mountPath,
          name: mount.name,
          readOnly: mount.readOnly === true,
          ...(mount.subPath ? { subPath: mount.subPath } : {}),
        };
      }
    }
  }
  if (!best) return { relative: path, readOnly: false };
  const inside = path.slice(best.mountPath.length).replace(/^\/+/, '');
  const relative = best.subPath
    ? [best.subPath.replace(/\/+$/, ''), inside].filter(Boolean).join('/')
    : inside;
  return { volumeName: best.name, relative, readOnly: best.readOnly };
}

function badRequest(pod: Pod, message: string): ApiError {
  return { kind: 'BadRequest', message, object: refOf(pod) };
}

function runningRuntime(pod: Pod, runtime: PodRuntime | undefined): Result<PodRuntime> {
  if (pod.status?.phase !== 'Running' || !runtime?.started) {
    return fail(
      badRequest(
        pod,
        `cannot exec into pod ${namespaceOf(pod)}/${nameOf(pod)}: the pod is not running (phase ${pod.status?.phase ?? 'Pending'})`,
      ),
    );
  }
  return ok(runtime);
}

/** A running pod writes a file (the scenario `write` step, or `echo > path` in a container). */
export function writePodFile(
  writer: ClusterWriter,
  pod: Pod,
  rawPath: string,
  content: string,
): Result<string> {
  const path = normalizePath(rawPath);
  if (!path || path === '/')
    return fail(badRequest(pod, `invalid path ${JSON.stringify(rawPath)}: use an absolute file path`));
  const running = runningRuntime(pod, writer.podRuntime(uidOf(pod)));
  if (!running.ok) return running;
  const runtime = running.value;
  const target = resolvePath(pod, path);
  const podName = `${namespaceOf(pod)}/${nameOf(pod)}`;
  if (!target.volumeName) {
    writer.putPodRuntime({ ...runtime, containerFiles: { ...runtime.containerFiles, [path]: content } });
    writer.changes.push({
      round: writer.round,
      actor: 'user',
      action: 'data',
      object: refOf(pod),
      message: `pod ${podName} wrote ${path} into its container's own filesystem: it is lost when the container restarts`,
    });
    return ok(path);
  }
  const mount = runtime.mounts[target.volumeName];
  // Read-only is per mount path: the same volume may be mounted read-write elsewhere in the pod.
  if (!mount || target.readOnly || mount.readOnly || mount.projected || !mount.assetId) {
    return fail(
      badRequest(pod, `cannot write ${path}: Read-only file system (volume "${target.volumeName}")`),
    );
  }
  if (!target.relative)
    return fail(
      badRequest(
        pod,
        `cannot write ${path}: it is the mount point of volume "${target.volumeName}", a directory`,
      ),
    );
  const asset = writer.asset(mount.assetId);
  if (!asset)
    return fail(badRequest(pod, `cannot write ${path}: volume "${target.volumeName}" is not available`));
  writer.putAsset(
    { ...asset, files: { ...asset.files, [target.relative]: content } },
    {
      actor: 'user',
      message: `pod ${podName} wrote ${path} (${content.length} bytes) into volume "${target.volumeName}"${mount.volumeName ? ` (${mount.volumeName})` : ''}`,
      related: [
        refOf(pod),
        ...(mount.volumeName ? [{ kind: 'PersistentVolume' as const, name: mount.volumeName }] : []),
      ],
    },
    'data',
  );
  return ok(path);
}

export type ReadResult = { readonly found: true; readonly content: string } | { readonly found: false };

/** What a running pod reads at a path. */
export function readPodFile(state: ClusterState, pod: Pod, rawPath: string): Result<ReadResult> {
  const path = normalizePath(rawPath);
  if (!path) return fail(badRequest(pod, `invalid path ${JSON.stringify(rawPath)}`));
  const running = runningRuntime(pod, state.infra.pods[uidOf(pod)]);
  if (!running.ok) return running;
  const runtime = running.value;
  const target = resolvePath(pod, path);
  if (!target.volumeName) {
    const content = runtime.containerFiles[path];
    return ok(content === undefined ? { found: false } : { found: true, content });
  }
  const mount = runtime.mounts[target.volumeName];
  const files =
    mount?.projected ?? (mount?.assetId ? state.infra.assets[mount.assetId]?.files : undefined) ?? {};
  const content = files[target.relative];
  return ok(content === undefined ? { found: false } : { found: true, content });
}

/** Lists what a pod sees under a directory (for `ls` in the terminal and the inspector). */
export function listPodFiles(
  state: ClusterState,
  pod: Pod,
): { path: string; content: string; volume?: string }[] {
  const runtime = state.infra.pods[uidOf(pod)];
  if (!runtime) return [];
  const result: { path: string; content: string; volume?: string }[] = Object.entries(
    runtime.containerFiles,
  ).map(([path, content]) => ({ path, content }));
  for (const container of pod.spec?.containers ?? []) {
    for (const mount of container.volumeMounts ?? []) {
      const podMount = runtime.mounts[mount.name];
      const files =
        podMount?.projected ??
        (podMount?.assetId ? state.infra.assets[podMount.assetId]?.files : undefined) ??
        {};
      for (const [relative, content] of Object.entries(files)) {
        result.push({
          path: `${mount.mountPath.replace(/\/$/, '')}/${relative}`,
          content,
          volume: mount.name,
        });
      }
    }
  }
  return result;
}

/** The pod's containers crash and restart in place: volumes stay, the container layer is lost. */
export function crashPod(writer: ClusterWriter, pod: Pod): Result<string> {
  const running = runningRuntime(pod, writer.podRuntime(uidOf(pod)));
  if (!running.ok) return running;
  const runtime = running.value;
  const restarts = runtime.restarts + 1;
  writer.putPodRuntime({ ...runtime, containerFiles: {}, restarts });
  const lost = Object.keys(runtime.containerFiles).length;
  const statuses = (pod.status?.containerStatuses ?? []).map((status) => ({
    ...status,
    restartCount: restarts,
    lastState: {
      terminated: {
        exitCode: 137,
        reason: 'Error',
        startedAt: status.state?.running?.startedAt ?? writer.now,
        finishedAt: writer.now,
      },
    },
    state: { running: { startedAt: writer.now } },
  }));
  writer.update(
    'Pod',
    { ...pod, status: { ...pod.status, containerStatuses: statuses } },
    {
      actor: 'kubelet',
      on: pod.spec?.nodeName ?? '',
      rule: 'R62',
      message: `the containers of pod ${namespaceOf(pod)}/${nameOf(pod)} crashed and kubelet restarted them (restart ${restarts}): volumes keep their files${lost ? `, but ${lost} file(s) in the container's own filesystem are gone` : ''}`,
    },
  );
  // Kubelet restarts the crashed containers at once (BackOff only comes with repeated crashes).
  for (const container of pod.spec?.containers ?? []) {
    writer.event(
      pod,
      'Normal',
      'Started',
      `Started container ${container.name}`,
      { component: 'kubelet', host: pod.spec?.nodeName ?? '' },
      { actor: 'kubelet' },
    );
  }

  return ok(`restarted ${restarts}`);
}
