/** The examples the editor offers, in the order the course teaches them. */
import type { Example } from './types';
import { claimInNamespace, hostPathVolume, ssdStorageClass } from './from-the-guide';
import { configMapPod, emptyDirPod, hostPathPod, mysqlWithClaim } from './from-the-volume-notes';
import {
  dynamicImmediate,
  nfsSharedByTwoPods,
  retainVersusDelete,
  staticBinding,
  waitForFirstConsumer,
} from './starters';
import { stressExample } from './stress';

export type { Example } from './types';
export { stressYaml } from './stress';

export const EXAMPLES: readonly Example[] = [
  hostPathVolume,
  claimInNamespace,
  staticBinding,
  ssdStorageClass,
  dynamicImmediate,
  waitForFirstConsumer,
  nfsSharedByTwoPods,
  retainVersusDelete,
  emptyDirPod,
  configMapPod,
  hostPathPod,
  mysqlWithClaim,
  stressExample,
];

export function exampleById(id: string): Example | undefined {
  return EXAMPLES.find((example) => example.id === id);
}
