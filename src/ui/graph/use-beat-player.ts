/**
 * The graph's beat player, fed from the store with every frame as it arrives (not per render, so
 * frames that come in a burst are all seen): a live frame plays as beats, a jump is drawn at once.
 */
import { useReducedMotionConfig } from 'motion/react';
import { useEffect, useState } from 'react';
import { registerHandle } from '../commands/handles';
import type { AppState } from '../store';
import { useAppStore } from '../store';
import type { DirectorView, StoryPace, Timer } from './beat-director';
import { BeatDirector, NOTHING_SHOWN, paceOfFrame } from './beat-director';

const browserTimer: Timer = {
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => window.clearTimeout(handle),
};

/** The next frame of the timeline, made just now: not a seek, a restore or a step through the past. */
function isLive(state: AppState, shownSeq: number | undefined): boolean {
  const frame = state.frame;
  const { seq, head } = state.timelinePosition;
  return (
    frame !== null &&
    shownSeq !== undefined &&
    frame.seq === shownSeq + 1 &&
    seq === head &&
    frame.cause.kind !== 'restore'
  );
}

export function useBeatPlayer(): DirectorView {
  const [view, setView] = useState<DirectorView>(NOTHING_SHOWN);
  const [director] = useState(() => new BeatDirector(browserTimer, setView));
  const reduced = useReducedMotionConfig();

  useEffect(() => director.setReduced(Boolean(reduced)), [director, reduced]);

  useEffect(() => {
    let story: StoryPace = { applying: false };
    const first = useAppStore.getState().frame;
    let shownSeq = first?.seq;
    if (first) director.jumpTo(first.state);
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      const frame = state.frame;
      if (!frame || frame === previous.frame) return;
      const live = isLive(state, shownSeq);
      shownSeq = frame.seq;
      if (!live) {
        story = { applying: false };
        director.jumpTo(frame.state);
        return;
      }
      const paced = paceOfFrame(frame, story, state.lessonId !== null || state.demo !== null);
      story = paced.story;
      director.continueWith({
        seq: frame.seq,
        state: frame.state,
        changes: frame.changes,
        pace: paced.pace,
        byUser: frame.cause.kind === 'intent' || frame.cause.kind === 'kubectl',
      });
    });
    const unregister = registerHandle('skipBeats', () => director.skip());
    return () => {
      unsubscribe();
      unregister();
      director.dispose();
    };
  }, [director]);

  // The narration and the timeline strip follow the beat shown.
  const playing = view.playing;
  useEffect(() => {
    useAppStore.getState().setBeatShown(
      playing
        ? {
            seq: playing.seq,
            index: playing.index,
            count: playing.count,
            changeIndexes: playing.beat.changeIndexes,
            actor: playing.beat.actor,
            caption: playing.beat.caption,
          }
        : null,
    );
  }, [playing]);
  useEffect(() => () => useAppStore.getState().setBeatShown(null), []);

  return view;
}
