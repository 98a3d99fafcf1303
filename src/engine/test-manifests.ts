/**
 * Manifests several test suites (engine host, timeline, goal pictures) apply as text: the smallest
 * static pair, a hand-made 1Gi volume and a 1Gi claim outside every class, which bind to each other.
 * Test-only: nothing in the app imports this file.
 */

export const STATIC_VOLUME_PV_1 = `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-1}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: {path: /mnt/data/pv-1}
`;

export const STATIC_CLAIM_DATA = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 1Gi}}
`;
