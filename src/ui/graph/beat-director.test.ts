import { describe, expect, it } from 'vitest';
import type { ClusterState } from '../../engine';
import { Cluster, SANDBOX_OPTIONS, graphFailures } from '../../engine';
import { exampleById, stressYaml } from '../examples';
import type { Frame } from '../../worker/protocol';
import type { DirectorView, RoundInput, Timer } from './beat-director';
import { BEAT_MS, BeatDirector, HURRY_MS, MAX_PLAYED_BEATS, TOLD_MS, paceOfFrame } from './beat-director';
import { withFailures } from './failure-overlay';
import { buildGraphModel } from './model';

/** The picture of a state as the director draws it: its cards and lines, and its failures. */
const pictureOf = (state: ClusterState) => withFailures(buildGraphModel(state), graphFailures(state));

/** A timer the test moves by hand, in milliseconds. */
function manualTimer() {
  let now = 0;
  let next = 0;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timer: Timer = {
    set: (callback, ms) => {
      next += 1;
      pending.set(next, { at: now + ms, callback });
      return next;
    },
    clear: (handle) => void pending.delete(handle),
  };
  /** Runs every timer due within `ms`, in time order. */
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending].filter(([, item]) => item.at <= end).sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
    }
    now = end;
  };
  return { timer, advance, pending: () => pending.size };
}

/** The sandbox's frames for an example: the start, the apply, then each round until settled. */
function inputsOf(yaml: string): { start: ClusterState; rounds: RoundInput[] } {
  const cluster = new Cluster(SANDBOX_OPTIONS, { journal: true });
  const start = cluster.state;
  const applied = cluster.apply(yaml);
  if (!applied.ok) throw new Error(applied.error.message);
  const rounds: RoundInput[] = [
    { seq: 1, state: cluster.state, changes: cluster.takeJournal(), pace: 'learning' },
  ];
  for (let seq = 2; seq < 50; seq += 1) {
    const result = cluster.step();
    rounds.push({ seq, state: result.state, changes: result.changes, pace: 'learning' });
    if (!result.progressed) break;
  }
  return { start, rounds };
}

function staticBinding() {
  return inputsOf(exampleById('static-binding')?.yaml ?? '');
}

function director() {
  const clock = manualTimer();
  const views: DirectorView[] = [];
  const player = new BeatDirector(clock.timer, (view) => views.push(view));
  return { ...clock, views, player };
}

describe('BeatDirector', () => {
  it('plays a round beat by beat at its pace and ends exactly at the frame’s model', () => {
    const { rounds } = staticBinding();
    const bind = rounds[1] as RoundInput;
    const { player, views, advance } = director();
    player.jumpTo((rounds[0] as RoundInput).state);
    player.continueWith(bind);
    const count = player.current.playing?.count ?? 0;
    expect(count).toBe(5);
    expect(player.current.playing).toMatchObject({ index: 0, beatMs: BEAT_MS.learning, seq: bind.seq });
    advance(BEAT_MS.learning);
    expect(player.current.playing?.index).toBe(1);
    expect(player.current.playing?.beat.caption).toMatch(/^bound claim static-claim to static-pv/);
    advance(BEAT_MS.learning * (count - 1));
    expect(player.current.playing).toBeNull();
    expect(player.current.model).toEqual(pictureOf(bind.state));
    const captions = views.flatMap((view) => (view.playing ? [view.playing.beat.caption] : []));
    expect(captions.findIndex((caption) => caption.startsWith('bound claim'))).toBeLessThan(
      captions.findIndex((caption) => caption.includes('is Running')),
    );
  });

  it('answers the user at once: a frame their action made ends the round still being told', () => {
    const { rounds } = staticBinding();
    const [applied, bind] = rounds as [RoundInput, RoundInput];
    const { player } = director();
    player.jumpTo(staticBinding().start);
    player.continueWith(applied);
    expect(player.current.playing?.seq).toBe(applied.seq);
    // Without waiting for the apply's beats to end, the next frame (marked as the user's) plays.
    player.continueWith({ ...bind, byUser: true });
    expect(player.current.playing).toMatchObject({ seq: bind.seq, index: 0 });
    // A frame that is not the user's waits its turn instead.
    const other = director();
    other.player.jumpTo(staticBinding().start);
    other.player.continueWith(applied);
    other.player.continueWith(bind);
    expect(other.player.current.playing?.seq).toBe(applied.seq);
  });

  it('hurries when the next frame arrives, and keeps at most two frames waiting', () => {
    const { rounds } = staticBinding();
    const [applied, bind, settled] = rounds as [RoundInput, RoundInput, RoundInput];
    const { player, advance } = director();
    player.jumpTo(staticBinding().start);
    player.continueWith(applied);
    expect(player.current.playing?.count).toBe(3);
    player.continueWith(bind);
    // The apply's beats finish quickly; then the bind plays at its own pace.
    advance(HURRY_MS * 3);
    expect(player.current.playing).toMatchObject({ seq: bind.seq, beatMs: BEAT_MS.learning });
    // A settled frame (nothing to tell) does not hurry the round playing.
    player.continueWith(settled);
    expect(player.current.playing?.beatMs).toBe(BEAT_MS.learning);

    // Many frames at once: only the newest two wait; the rest are shown at once when reached.
    const burst = director();
    burst.player.jumpTo(staticBinding().start);
    for (const input of rounds) burst.player.continueWith(input);
    for (let extra = 0; extra < 5; extra += 1)
      burst.player.continueWith({ ...(rounds[1] as RoundInput), seq: 10 + extra });
    burst.advance(60_000);
    expect(burst.player.current.playing).toBeNull();
    expect(burst.pending()).toBe(0);
  });

  it('skips to the end of everything received, and a jump cancels what plays', () => {
    const { start, rounds } = staticBinding();
    const { player, advance, pending } = director();
    player.jumpTo(start);
    player.continueWith(rounds[0] as RoundInput);
    player.continueWith(rounds[1] as RoundInput);
    player.skip();
    expect(player.current.playing).toBeNull();
    expect(player.current.model).toEqual(pictureOf((rounds[1] as RoundInput).state));
    expect(pending()).toBe(0);

    player.continueWith(rounds[0] as RoundInput);
    player.jumpTo(start);
    expect(player.current).toMatchObject({ playing: null, model: pictureOf(start) });
    advance(10_000);
    expect(player.current.model).toEqual(pictureOf(start));
  });

  it('with reduced motion shows the end at once with what the round did', () => {
    const { start, rounds } = staticBinding();
    const { player, views, advance } = director();
    player.setReduced(true);
    player.jumpTo(start);
    player.continueWith(rounds[1] as RoundInput);
    expect(views.every((view) => view.playing === null)).toBe(true);
    expect(player.current.model).toEqual(pictureOf((rounds[1] as RoundInput).state));
    expect(player.current.told?.beats.map((beat) => beat.actor)).toEqual([
      'binder',
      'binder',
      'scheduler',
      'kubelet on node-a',
      'kubelet on node-a',
    ]);
    advance(TOLD_MS);
    expect(player.current.told).toBeNull();
  });

  it('tells a big paste at once instead of playing hundreds of beats', () => {
    const { start, rounds } = inputsOf(stressYaml(40, 'big'));
    const { player } = director();
    player.jumpTo(start);
    player.continueWith(rounds[0] as RoundInput);
    expect(player.current.playing).toBeNull();
    expect(player.current.told?.beats.length).toBeGreaterThan(MAX_PLAYED_BEATS);
    expect(player.current.model).toEqual(pictureOf((rounds[0] as RoundInput).state));
  });
});

describe('paceOfFrame', () => {
  const frame = (cause: Frame['cause'], settled = false): Frame => ({
    seq: 1,
    cause,
    state: {} as ClusterState,
    changes: [],
    settled,
  });
  const apply = frame({
    kind: 'intent',
    intent: 'apply',
    summary: '',
    request: { type: 'apply', text: '' },
  });

  it('is the learning pace from an Apply until the cluster settles, and in lessons and demos', () => {
    let story = paceOfFrame(apply, { applying: false }, false);
    expect(story.pace).toBe('learning');
    story = paceOfFrame(frame({ kind: 'round' }), story.story, false);
    expect(story.pace).toBe('learning');
    story = paceOfFrame(frame({ kind: 'round' }, true), story.story, false);
    expect(story).toEqual({ pace: 'learning', story: { applying: false } });
    expect(paceOfFrame(frame({ kind: 'round' }), story.story, false).pace).toBe('free');
    expect(
      paceOfFrame(frame({ kind: 'kubectl', line: 'kubectl delete pvc data' }), story.story, false).pace,
    ).toBe('free');
    expect(paceOfFrame(frame({ kind: 'kubectl', line: 'kubectl apply -f -' }), story.story, false).pace).toBe(
      'learning',
    );
    expect(paceOfFrame(frame({ kind: 'round' }), { applying: false }, true).pace).toBe('learning');
  });
});
