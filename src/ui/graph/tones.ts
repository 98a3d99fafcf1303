/** One colour per status, used by every node and by the legend; a darker set for high contrast. */

export type Tone = 'ok' | 'available' | 'waiting' | 'released' | 'failed' | 'terminating' | 'neutral';

export interface ToneColors {
  readonly fill: string;
  readonly text: string;
  readonly label: string;
}

export const TONE_COLORS: Readonly<Record<Tone, ToneColors>> = {
  ok: { fill: '#1f8a4c', text: '#ffffff', label: 'Bound / Running / Ready' },
  available: { fill: '#1b6ec2', text: '#ffffff', label: 'Available' },
  waiting: { fill: '#b7791f', text: '#ffffff', label: 'Pending / ContainerCreating' },
  released: { fill: '#7b4bb7', text: '#ffffff', label: 'Released' },
  failed: { fill: '#c53030', text: '#ffffff', label: 'Failed / Lost / NotReady' },
  terminating: { fill: '#4a5568', text: '#ffffff', label: 'Terminating' },
  neutral: { fill: '#e2e8f0', text: '#1a202c', label: 'No phase (classes, ConfigMaps, disks, drivers)' },
};

/** The same hues, dark enough that every label reads at 7:1 or better (WCAG AAA) on a projector. */
export const HIGH_CONTRAST_TONE_COLORS: Readonly<Record<Tone, ToneColors>> = {
  ok: { ...TONE_COLORS.ok, fill: '#005c28' },
  available: { ...TONE_COLORS.available, fill: '#0b4f9c' },
  waiting: { ...TONE_COLORS.waiting, fill: '#7a4700' },
  released: { ...TONE_COLORS.released, fill: '#5b2a96' },
  failed: { ...TONE_COLORS.failed, fill: '#a30000' },
  terminating: { ...TONE_COLORS.terminating, fill: '#333333' },
  neutral: { ...TONE_COLORS.neutral, fill: '#e6e6e6', text: '#000000' },
};

export type ToneTheme = 'default' | 'high-contrast';

export function toneColors(theme: ToneTheme): Readonly<Record<Tone, ToneColors>> {
  return theme === 'high-contrast' ? HIGH_CONTRAST_TONE_COLORS : TONE_COLORS;
}

export const TONES: readonly Tone[] = [
  'ok',
  'available',
  'waiting',
  'released',
  'failed',
  'terminating',
  'neutral',
];

/** The theme's colours as CSS variables for the root element: `--tone-ok-fill`, `--tone-ok-text`. */
export function toneVariables(theme: ToneTheme): Record<string, string> {
  const colors = toneColors(theme);
  return Object.fromEntries(
    TONES.flatMap((tone) => [
      [`--tone-${tone}-fill`, colors[tone].fill],
      [`--tone-${tone}-text`, colors[tone].text],
    ]),
  );
}

/** A status pill's or swatch's colours, following the theme (the default set when none is applied). */
export function toneStyle(tone: Tone): { background: string; color: string } {
  return {
    background: `var(--tone-${tone}-fill, ${TONE_COLORS[tone].fill})`,
    color: `var(--tone-${tone}-text, ${TONE_COLORS[tone].text})`,
  };
}

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
