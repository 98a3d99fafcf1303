/** What the status colours mean: one colour per phase, everywhere. */
import { TONES, TONE_COLORS, toneStyle } from './tones';

export function Legend() {
  return (
    <ul className="legend" aria-label="Status colours">
      {TONES.map((tone) => (
        <li key={tone}>
          <span
            className="legend__swatch"
            style={{ background: toneStyle(tone).background }}
            aria-hidden="true"
          />
          {TONE_COLORS[tone].label}
        </li>
      ))}
    </ul>
  );
}
