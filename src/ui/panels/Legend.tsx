/** What the status colours mean: one colour per phase, everywhere. */
import { TONE_COLORS } from '../graph/tones';

export function Legend() {
  return (
    <ul className="legend" aria-label="Status colours">
      {Object.entries(TONE_COLORS).map(([tone, colors]) => (
        <li key={tone}>
          <span className="legend__swatch" style={{ background: colors.fill }} aria-hidden="true" />
          {colors.label}
        </li>
      ))}
    </ul>
  );
}
