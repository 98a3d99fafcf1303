import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../worker/protocol';
import { isWarningEvent, markersOf, mergeSlice, momentsOf } from './timeline-entries';

function entry(seq: number, partial: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    seq,
    round: seq,
    cause: 'round',
    label: 'nothing changed',
    changeCount: 0,
    events: [],
    warnings: [],
    ...partial,
  };
}

const provisioningFailed = 'persistentvolumeclaim/data: ProvisioningFailed: quota exceeded';

describe('mergeSlice', () => {
  it('appends a slice that starts where the held entries end', () => {
    const held = [entry(0), entry(1)];
    const merged = mergeSlice(held, { revision: 0, from: 2, head: 3, entries: [entry(2), entry(3)] });
    expect(merged.map((item) => item.seq)).toEqual([0, 1, 2, 3]);
  });

  it('replaces held entries from the first replaced frame on (a branch)', () => {
    const held = [entry(0), entry(1), entry(2), entry(3)];
    const branched = entry(2, { cause: 'intent', label: 'deleted Pod web' });
    const merged = mergeSlice(held, { revision: 1, from: 2, head: 2, entries: [branched] });
    expect(merged).toEqual([entry(0), entry(1), branched]);
  });
});

describe('markersOf', () => {
  it('marks intents, kubectl lines and frames that first raised a Warning, nothing else', () => {
    const markers = markersOf([
      entry(0, { cause: 'start', label: 'the cluster started' }),
      entry(1, { cause: 'intent', label: 'persistentvolumeclaim/data created' }),
      entry(2, { events: ['persistentvolumeclaim/data: Provisioning: started'] }),
      entry(3, { events: [provisioningFailed], warnings: ['ProvisioningFailed persistentvolumeclaim/data'] }),
      entry(4, { cause: 'kubectl', label: '$ kubectl delete pvc data' }),
    ]);
    expect(markers).toEqual([
      { seq: 1, kind: 'intent', label: 'You: persistentvolumeclaim/data created' },
      { seq: 3, kind: 'warning', label: 'Warning: ProvisioningFailed persistentvolumeclaim/data' },
      { seq: 4, kind: 'kubectl', label: '$ kubectl delete pvc data' },
    ]);
  });

  it('lets what the user did win when the same frame also raised a Warning', () => {
    const markers = markersOf([entry(1, { cause: 'intent', label: 'x', warnings: ['FailedMount pod/web'] })]);
    expect(markers.map((marker) => marker.kind)).toEqual(['intent']);
  });
});

describe('momentsOf', () => {
  it('lists what the user did and every new event, in timeline order, warnings told apart', () => {
    const moments = momentsOf([
      entry(1, { cause: 'intent', label: 'persistentvolumeclaim/data created', round: 0 }),
      entry(2, {
        round: 1,
        events: ['persistentvolumeclaim/data: Provisioning: started', provisioningFailed],
        warnings: ['ProvisioningFailed persistentvolumeclaim/data'],
      }),
      entry(3, { cause: 'kubectl', label: '$ kubectl get pvc', round: 1 }),
    ]);
    expect(moments).toEqual([
      { seq: 1, round: 0, kind: 'intent', text: 'persistentvolumeclaim/data created' },
      { seq: 2, round: 1, kind: 'event', text: 'persistentvolumeclaim/data: Provisioning: started' },
      { seq: 2, round: 1, kind: 'warning', text: provisioningFailed },
      { seq: 3, round: 1, kind: 'kubectl', text: '$ kubectl get pvc' },
    ]);
  });
});

describe('isWarningEvent', () => {
  it('matches an event line against the warning names of its frame', () => {
    expect(isWarningEvent(provisioningFailed, ['ProvisioningFailed persistentvolumeclaim/data'])).toBe(true);
    expect(isWarningEvent(provisioningFailed, ['ProvisioningFailed persistentvolumeclaim/other'])).toBe(
      false,
    );
    expect(isWarningEvent('no separator here', ['no'])).toBe(false);
  });
});
