/**
 * Moving through the timeline: seek (coalesced, so a dragged scrubber never floods the worker),
 * a frame back or forward, back to live, and to the frame where an event first happened. After a
 * jump the narration is told again from the frames that led there.
 */
import { create } from 'zustand';
import { engineClient, play, seekFrame, stepRound } from '../engine/connection';
import { useAppStore } from '../store';
import { LatestOnly } from './latest-only';

/** Frames fetched to retell the narration; the narration keeps its newest 40 that changed something. */
const RETOLD_FRAMES = 200;

/** The frame asked for while seeks are still on their way, so the scrubber follows the pointer. */
export const useTravelTarget = create<{ target: number | null }>()(() => ({ target: null }));

/** Tells the narration again up to frame `seq`, unless another frame has been shown meanwhile. */
async function retellUpTo(seq: number): Promise<void> {
  const frames = await (await engineClient()).framesUpTo(seq, RETOLD_FRAMES);
  const store = useAppStore.getState();
  if (store.frame?.seq === seq && frames.at(-1)?.seq === seq) store.retellNarration(frames);
}

const seeks = new LatestOnly<number>(seekFrame, (last) => {
  useTravelTarget.setState({ target: null });
  void retellUpTo(last);
});

/** Shows frame `seq` and retells the narration up to it, when the caller must wait for it. */
export async function showFrame(seq: number): Promise<void> {
  useTravelTarget.setState({ target: null });
  await seekFrame(seq);
  await retellUpTo(seq);
}

/** Shows frame `seq`; while a seek is on its way only the newest request is kept. */
export function travelTo(seq: number): void {
  const { head } = useAppStore.getState().timelinePosition;
  const target = Math.max(0, Math.min(head, Math.round(seq)));
  useTravelTarget.setState({ target });
  seeks.request(target);
}

/** Where the timeline is going: the frame asked for, or the one shown. */
function currentTarget(): number {
  return useTravelTarget.getState().target ?? useAppStore.getState().timelinePosition.seq;
}

export function travelBack(): void {
  const target = currentTarget();
  if (target > 0) travelTo(target - 1);
}

/** In the past the worker's step shows the next recorded frame; nothing is dropped. */
export async function travelForward(): Promise<void> {
  const { seq, head } = useAppStore.getState().timelinePosition;
  if (seq < head) await stepRound();
}

/** Shows the newest frame and lets the cluster reconcile again. */
export async function backToLive(): Promise<void> {
  await showFrame(useAppStore.getState().timelinePosition.head);
  await play();
}

/** Shows the frame in which an Event object first appeared; false when there is none. */
export async function travelToEvent(namespace: string, name: string): Promise<boolean> {
  const seq = await (await engineClient()).frameOfEvent(namespace, name);
  if (seq === undefined) return false;
  travelTo(seq);
  return true;
}
