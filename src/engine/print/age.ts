/**
 * kubectl's ages: `translateTimestampSince` over `duration.HumanDuration`
 * (k8s.io/apimachinery/pkg/util/duration), measured against the simulated clock.
 */
import { secondsOf } from '../sim/ids';

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_HOUR = 60 * SECONDS_PER_MINUTE;
const HOURS_PER_DAY = 24;
const DAYS_PER_YEAR = 365;

/** About two or three significant figures of a duration: "90s", "5m3s", "45m", "3h5m", "30h", "3d4h", "200d", "3y10d". */
export function humanDuration(durationSeconds: number): string {
  // Go truncates toward zero; up to one second in the future still counts as "now" (clock skew).
  const seconds = Math.trunc(durationSeconds);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 2 * SECONDS_PER_MINUTE) return `${seconds}s`;
  const minutes = Math.floor(seconds / SECONDS_PER_MINUTE);
  if (minutes < 10) return withRemainder(minutes, 'm', seconds % SECONDS_PER_MINUTE, 's');
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.floor(seconds / SECONDS_PER_HOUR);
  if (hours < 8) return withRemainder(hours, 'h', minutes % 60, 'm');
  if (hours < 2 * HOURS_PER_DAY) return `${hours}h`;
  const days = Math.floor(hours / HOURS_PER_DAY);
  if (hours < 8 * HOURS_PER_DAY) return withRemainder(days, 'd', hours % HOURS_PER_DAY, 'h');
  if (hours < 2 * DAYS_PER_YEAR * HOURS_PER_DAY) return `${days}d`;
  const years = Math.floor(days / DAYS_PER_YEAR);
  if (hours < 8 * DAYS_PER_YEAR * HOURS_PER_DAY) return withRemainder(years, 'y', days % DAYS_PER_YEAR, 'd');
  return `${years}y`;
}

function withRemainder(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major}${majorUnit}` : `${major}${majorUnit}${minor}${minorUnit}`;
}

/** The age of a timestamp at simulated time `clock`; an unset timestamp is "<unknown>". */
export function ageSince(timestamp: string | undefined, clock: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(clock - secondsOf(timestamp));
}
