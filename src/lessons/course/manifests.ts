/** Manifests and references several lessons (and the demos) build the same way. */

/** `storageClassName: ""`: a claim or volume outside every class (static binding only). */
export const NO_CLASS = '""';

/** A volume made by hand: a directory on a node (hostPath), of class `className`, kept (Retain) when its claim goes. */
export const handMadeVolume = (name: string, size: string, className: string) => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
spec:
  capacity:
    storage: ${size}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  storageClassName: ${className}
  hostPath:
    path: /mnt/data/${name}
`;

export const claimOfClass = (name: string, size: string, className: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ${className}
  resources:
    requests:
      storage: ${size}
`;

/** A busybox pod that mounts claim `claimName` at /data, optionally pinned by a nodeSelector. */
export const podUsingClaim = (name: string, claimName: string, nodeSelector?: Record<string, string>) => {
  const selector = nodeSelector
    ? `  nodeSelector:\n${Object.entries(nodeSelector)
        .map(([key, value]) => `    ${key}: ${value}\n`)
        .join('')}`
    : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${selector}  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: data
          mountPath: /data
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: ${claimName}
`;
};

export const claimRef = (name: string) =>
  ({ kind: 'PersistentVolumeClaim', namespace: 'default', name }) as const;

export const podRef = (name: string) => ({ kind: 'Pod', namespace: 'default', name }) as const;
