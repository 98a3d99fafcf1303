/** Small inline icons per kind (no icon font: nothing is fetched at run time). */
import type { GraphNodeKind } from './model';

const PATHS: Readonly<
  Record<GraphNodeKind | 'Driver' | 'Disk' | 'NFS share' | 'Directory' | 'emptyDir', string>
> = {
  Pod: 'M12 2 3 7v10l9 5 9-5V7l-9-5zm0 2.3L18.8 8 12 11.7 5.2 8 12 4.3zM5 9.7l6 3.3v6.6l-6-3.3V9.7zm8 9.9V13l6-3.3v6.6l-6 3.3z',
  PersistentVolumeClaim: 'M6 3h9l4 4v14H6V3zm8 1.5V8h3.5L14 4.5zM8 11h8v1.6H8V11zm0 3.5h8v1.6H8v-1.6z',
  PersistentVolume:
    'M12 3c4.4 0 8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3V6c0-1.7 3.6-3 8-3zm0 2C8.4 5 6 6 6 6.5S8.4 8 12 8s6-1 6-1.5S15.6 5 12 5zM6 9.1V12c0 .5 2.4 1.5 6 1.5s6-1 6-1.5V9.1c-1.5.6-3.6.9-6 .9s-4.5-.3-6-.9z',
  StorageClass: 'M4 4h16v4H4V4zm0 6h16v4H4v-4zm0 6h16v4H4v-4zm2-10.5v1h2v-1H6zm0 6v1h2v-1H6zm0 6v1h2v-1H6z',
  Node: 'M3 5h18v10H3V5zm2 2v6h14V7H5zm3 10h8v2H8v-2z',
  Asset: 'M4 6h16v12H4V6zm2 2v8h12V8H6z',
  ConfigMap: 'M4 4h16v16H4V4zm2 2v12h12V6H6zm2 2h3v2H8V8zm5 0h3v2h-3V8zm-5 4h3v2H8v-2zm5 0h3v2h-3v-2z',
  Driver:
    'M10 2h4v3h3l2 2v3h3v4h-3v3l-2 2h-3v3h-4v-3H7l-2-2v-3H2v-4h3V7l2-2h3V2zm2 6a4 4 0 100 8 4 4 0 000-8z',
  Disk: 'M12 3a9 9 0 110 18 9 9 0 010-18zm0 6a3 3 0 100 6 3 3 0 000-6z',
  'NFS share': 'M3 7h7l2 2h9v10H3V7zm2 4v6h14v-6H5z',
  Directory: 'M3 6h7l2 2h9v11H3V6z',
  emptyDir: 'M3 6h7l2 2h9v11H3V6zm2 4v7h14v-7H5z',
};

export function KindIcon({ kind, label }: { kind: GraphNodeKind; label: string }) {
  const path = PATHS[label as keyof typeof PATHS] ?? PATHS[kind];
  return (
    <svg
      className="kind-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
    >
      <path d={path} fill="currentColor" />
    </svg>
  );
}
