/**
 * Housekeeping controllers the storage story leans on: the namespace controller empties a
 * namespace being deleted, and the pod garbage collector removes pods whose node is gone.
 */
import { isDeleting, nameOf, namespaceOf, uidOf } from '../model/object-helpers';
import type { KindName } from '../model/types';
import { KINDS, objectKey, refOf } from '../model/types';
import type { ClusterWriter } from '../sim/writer';

/** Events go with their namespace too, so a namespace recreated later starts clean. */
const NAMESPACED_KINDS = (Object.keys(KINDS) as KindName[]).filter((kind) => KINDS[kind].namespaced);

export function runNamespaceController(writer: ClusterWriter): void {
  for (const namespace of writer.list('Namespace')) {
    if (!isDeleting(namespace)) continue;
    const name = nameOf(namespace);
    let remaining = 0;
    for (const kind of NAMESPACED_KINDS) {
      for (const object of writer.list(kind)) {
        if (namespaceOf(object) !== name) continue;
        remaining += 1;
        if (!isDeleting(object)) {
          const nodeName =
            kind === 'Pod' ? (object as { spec?: { nodeName?: string } }).spec?.nodeName : undefined;
          writer.delete(
            kind,
            objectKey(name, nameOf(object)),
            {
              actor: 'namespace-controller',
              message: `deleting ${kind} ${name}/${nameOf(object)} because namespace ${name} is being deleted`,
            },
            nodeName ? 30 : 0,
          );
        }
      }
    }
    if (remaining > 0) continue;
    writer.update(
      'Namespace',
      { ...namespace, spec: { ...namespace.spec, finalizers: [] } },
      { actor: 'namespace-controller', message: `namespace ${name} is empty, so it is removed` },
    );
  }
}

export function runPodGarbageCollector(writer: ClusterWriter): void {
  for (const pod of writer.list('Pod')) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || writer.get('Node', nodeName)) continue;
    const podName = `${namespaceOf(pod)}/${nameOf(pod)}`;
    writer.remove('Pod', objectKey(namespaceOf(pod), nameOf(pod)), {
      actor: 'pod-garbage-collector',
      message: `removed pod ${podName}: its node ${nodeName} no longer exists`,
    });
    // R62: the pod is gone, so are its emptyDirs (and kubelet's record of it).
    const runtime = writer.podRuntime(uidOf(pod));
    for (const [volumeName, mount] of Object.entries(runtime?.mounts ?? {})) {
      if (!mount.assetId?.startsWith('emptydir:')) continue;
      writer.removeAsset(mount.assetId, {
        actor: 'pod-garbage-collector',
        rule: 'R62',
        message: `emptyDir "${volumeName}" of pod ${podName} is gone with the pod`,
        related: [refOf(pod)],
      });
    }
    writer.removePodRuntime(uidOf(pod));
  }
}
