/** Lessons 2 to 6: pod volumes, static provisioning, access modes, reclaim policies, StorageClasses. */
import type { Lesson } from '../types';
import { volumesTour } from './02-volumes-tour';
import { staticProvisioning } from './03-static-provisioning';
import { accessModes } from './04-access-modes';
import { reclaimPolicies } from './05-reclaim-policies';
import { storageClasses } from './06-storage-classes';

export const PART_ONE: readonly Lesson[] = [
  volumesTour,
  staticProvisioning,
  accessModes,
  reclaimPolicies,
  storageClasses,
];
