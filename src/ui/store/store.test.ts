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
