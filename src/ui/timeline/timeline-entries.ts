/**
 * The timeline strip's view of the engine's timeline: entries kept up to date from slices, the
 * markers drawn over the scrubber, and the moments a user can jump to. Pure: entries in, lists out.
 */
import type { TimelineEntry, TimelineSlice } from '../../worker/protocol';

/** Entries held before the slice's first one stay; the slice replaces everything from there. */
export function mergeSlice(held: readonly TimelineEntry[], slice: TimelineSlice): TimelineEntry[] {
  return [...held.slice(0, slice.from), ...slice.entries];
}

export type MarkerKind = 'intent' | 'kubectl' | 'warning';

export interface TimelineMarker {
  readonly seq: number;
  readonly kind: MarkerKind;
  readonly label: string;
}

/**
 * One marker per frame that the user made (an intent, a kubectl line) or that first raised a
 * Warning event. What the user did wins when a frame is both.
 */
export function markersOf(entries: readonly TimelineEntry[]): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const entry of entries) {
    if (entry.cause === 'intent' || entry.cause === 'restore')
      markers.push({ seq: entry.seq, kind: 'intent', label: `You: ${entry.label}` });
    else if (entry.cause === 'kubectl') markers.push({ seq: entry.seq, kind: 'kubectl', label: entry.label });
    else if (entry.warnings.length > 0)
      markers.push({ seq: entry.seq, kind: 'warning', label: `Warning: ${entry.warnings.join(', ')}` });
  }
  return markers;
}

export type MomentKind = 'intent' | 'kubectl' | 'event' | 'warning';

export interface Moment {
  readonly seq: number;
  readonly round: number;
  readonly kind: MomentKind;
  readonly text: string;
}

/**
 * An entry's event reads "persistentvolumeclaim/data: ProvisioningFailed: message"; its warning
 * list names "ProvisioningFailed persistentvolumeclaim/data". Whether an event is one of them.
 */
export function isWarningEvent(event: string, warnings: readonly string[]): boolean {
  const [object, reason] = event.split(': ');
  return object !== undefined && reason !== undefined && warnings.includes(`${reason} ${object}`);
}

/** Everything worth jumping to, in timeline order: what the user did and every new event. */
export function momentsOf(entries: readonly TimelineEntry[]): Moment[] {
  const moments: Moment[] = [];
  for (const entry of entries) {
    const at = { seq: entry.seq, round: entry.round };
    if (entry.cause === 'intent' || entry.cause === 'restore')
      moments.push({ ...at, kind: 'intent', text: entry.label });
    else if (entry.cause === 'kubectl') moments.push({ ...at, kind: 'kubectl', text: entry.label });
    for (const event of entry.events) {
      moments.push({ ...at, kind: isWarningEvent(event, entry.warnings) ? 'warning' : 'event', text: event });
    }
  }
  return moments;
}
