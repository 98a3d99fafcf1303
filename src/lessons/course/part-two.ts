/** Lessons 7 to 11: topology, protection, expansion, CSI drivers and troubleshooting. */
import type { Lesson } from '../types';
import { waitForFirstConsumer } from './07-wait-for-first-consumer';
import { protection } from './08-protection';
import { expansion } from './09-expansion';
import { csi } from './10-csi';
import { troubleshooting } from './11-troubleshooting';

export const PART_TWO: readonly Lesson[] = [
  waitForFirstConsumer,
  protection,
  expansion,
  csi,
  troubleshooting,
];
