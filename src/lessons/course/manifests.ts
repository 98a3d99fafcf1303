/** Manifests and references several lessons build the same way. */

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
