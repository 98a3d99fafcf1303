import { describe, expect, it } from 'vitest';
import { createClusterState } from '../../engine';
import type { Frame } from '../../worker/protocol';
import { createAppStore } from './index';

const state = createClusterState();
const frame = (seq: number, cause: Frame['cause'], messages: string[] = [], repeat = false): Frame => ({
  seq,
  cause,
  state,
  settled: messages.length === 0,
  changes: messages.map((message) => ({
    round: seq,
    actor: 'persistentvolume-controller',
    action: 'update',
    message,
    ...(repeat ? { repeat } : {}),
  })),
});

describe('app store', () => {
  it('keeps the latest frame and a narration history of frames that changed something', () => {
    const store = createAppStore();
    store.getState().receiveFrame(frame(0, { kind: 'start' }));
    store
      .getState()
      .receiveFrame(
        frame(
          1,
          { kind: 'intent', intent: 'apply', request: { type: 'apply', text: '' }, summary: 'pv created' },
          ['created'],
        ),
      );
    store.getState().receiveFrame(frame(2, { kind: 'round' }, ['bound']));
    store.getState().receiveFrame(frame(3, { kind: 'round' }));
    store.getState().receiveFrame(frame(4, { kind: 'round' }, ['again'], true));
    expect(store.getState().frame?.seq).toBe(4);
    expect(store.getState().narratedFrames.map((item) => item.seq)).toEqual([0, 1, 2]);
    store
      .getState()
      .receiveFrame(
        frame(5, { kind: 'intent', intent: 'reset', request: { type: 'reset' }, summary: 'reset' }),
      );
    expect(store.getState().narratedFrames.map((item) => item.seq)).toEqual([5]);
  });

  it('keeps terminal history unique and newest last', () => {
    const store = createAppStore();
    for (const line of ['get pv', 'get pvc', 'get pv'])
      store.getState().addTerminalEntry({ line, stdout: '', stderr: '' });
    expect(store.getState().commandHistory).toEqual(['get pvc', 'get pv']);
    expect(store.getState().terminalEntries.map((entry) => entry.id)).toEqual([1, 2, 3]);
  });
});

const apply = (seq: number): Frame =>
  frame(seq, { kind: 'intent', intent: 'apply', request: { type: 'apply', text: '' }, summary: 'applied' }, [
    'created',
  ]);

describe('retelling the narration after a jump', () => {
  it('tells the frames that led to the sought one, as if they had just arrived', () => {
    const store = createAppStore();
    for (let seq = 0; seq <= 9; seq += 1)
      store.getState().receiveFrame(frame(seq, { kind: 'round' }, [`r${seq}`]));
    // A jump forward from 2 to 8: the plain filter would skip frames 3..7.
    store.getState().receiveFrame(frame(2, { kind: 'round' }, ['r2']), { seq: 2, head: 9 });
    store.getState().receiveFrame(frame(8, { kind: 'round' }, ['r8']), { seq: 8, head: 9 });
    expect(store.getState().narratedFrames.map((item) => item.seq)).toEqual([0, 1, 2, 8]);
    store
      .getState()
      .retellNarration([3, 4, 5, 6, 7, 8].map((seq) => frame(seq, { kind: 'round' }, [`r${seq}`])));
    expect(store.getState().narratedFrames.map((item) => item.seq)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('skips rounds of repeats and starts over at a reset, as live narration does', () => {
    const store = createAppStore();
    store
      .getState()
      .retellNarration([
        apply(1),
        frame(2, { kind: 'round' }, ['again'], true),
        frame(3, { kind: 'intent', intent: 'reset', request: { type: 'reset' }, summary: 'reset' }),
        apply(4),
      ]);
    expect(store.getState().narratedFrames.map((item) => item.seq)).toEqual([3, 4]);
  });
});
