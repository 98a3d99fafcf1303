/** One colour per status, used by every node and by the legend. */

export type Tone = 'ok' | 'available' | 'waiting' | 'released' | 'failed' | 'terminating' | 'neutral';

export const TONE_COLORS: Readonly<Record<Tone, { fill: string; text: string; label: string }>> = {
  ok: { fill: '#1f8a4c', text: '#ffffff', label: 'Bound / Running / Ready' },
  available: { fill: '#1b6ec2', text: '#ffffff', label: 'Available' },
  waiting: { fill: '#b7791f', text: '#ffffff', label: 'Pending / ContainerCreating' },
  released: { fill: '#7b4bb7', text: '#ffffff', label: 'Released' },
  failed: { fill: '#c53030', text: '#ffffff', label: 'Failed / Lost / NotReady' },
  terminating: { fill: '#4a5568', text: '#ffffff', label: 'Terminating' },
  neutral: { fill: '#e2e8f0', text: '#1a202c', label: 'No phase (classes, disks, drivers)' },
};

export function toneOfStatus(status: string): Tone {
  switch (status) {
    case 'Bound':
    case 'Running':
    case 'Ready':
    case 'Attached':
      return 'ok';
    case 'Available':
      return 'available';
    case 'Pending':
    case 'ContainerCreating':
      return 'waiting';
    case 'Released':
      return 'released';
    case 'Failed':
    case 'Lost':
    case 'NotReady':
      return 'failed';
    case 'Terminating':
      return 'terminating';
    default:
      return 'neutral';
  }
}
