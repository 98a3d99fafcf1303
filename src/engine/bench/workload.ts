/** Generates the benchmark's manifests: n static volumes and n claims that all fit. */

const MODES = ['[ReadWriteOnce]', '[ReadWriteOnce]', '[ReadWriteOnce, ReadOnlyMany]', '[ReadWriteMany]'];

/** A deterministic spread of sizes and modes, so the index does real work. */
export function volumesAndClaimsYaml(count: number): string {
  const documents: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const size = 1 + ((index * 7919) % 100);
    const modes = MODES[index % MODES.length] ?? '[ReadWriteOnce]';
    documents.push(`apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-${index}
  labels:
    tier: t${index % 5}
spec:
  capacity:
    storage: ${size}Gi
  accessModes: ${modes}
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ""
  hostPath:
    path: /mnt/data/pv-${index}`);
  }
  for (let index = 0; index < count; index += 1) {
    // Each claim asks for at most what volume i offers, in the same mode group.
    const size = 1 + ((index * 7919) % 100);
    const request = Math.max(1, size - (index % 3));
    const modes = MODES[index % MODES.length] === '[ReadWriteMany]' ? '[ReadWriteMany]' : '[ReadWriteOnce]';
    documents.push(`apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim-${index}
spec:
  accessModes: ${modes}
  storageClassName: ""
  resources:
    requests:
      storage: ${request}Gi`);
  }
  return documents.join('\n---\n');
}
