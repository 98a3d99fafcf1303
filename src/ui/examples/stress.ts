/**
 * A generated cluster for stress: `groups` sets of static volume + claim + pod (half Retain,
 * half Recycle, a spread of sizes and nodes), so the graph holds 3 × groups nodes plus
 * infrastructure. Deterministic: the same count gives the same text.
 */
import type { Example } from './types';
import { documents } from './types';

const NODES = ['node-a', 'node-b', 'node-c'];

export function stressYaml(groups: number, prefix = 'load'): string {
  const parts: string[] = [];
  for (let index = 0; index < groups; index += 1) {
    const size = 1 + ((index * 7) % 20);
    const node = NODES[index % NODES.length] ?? 'node-a';
    parts.push(
      `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${prefix}-pv-${index}
spec:
  capacity:
    storage: ${size}Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ${index % 2 === 0 ? 'Retain' : 'Recycle'}
  storageClassName: ${prefix}
  hostPath:
    path: /mnt/${prefix}/${index}
`,
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${prefix}-claim-${index}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${prefix}
  volumeName: ${prefix}-pv-${index}
  resources:
    requests:
      storage: ${size}Gi
`,
      `apiVersion: v1
kind: Pod
metadata:
  name: ${prefix}-pod-${index}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ${prefix}-claim-${index}
`,
    );
  }
  return documents(...parts);
}

export const stressExample: Example = {
  id: 'stress-500',
  title: 'Stress: 500 objects (volumes, claims, pods)',
  description:
    'A generated cluster of about 500 objects: 166 static volumes, each named by a claim that a pod ' +
    'on one of the three nodes mounts. For trying the graph, the panels and the timeline at scale.',
  yaml: stressYaml(166),
};
