import { describe, expect, it } from 'vitest';
import { timestampAt } from '../sim/ids';
import { ageSince, humanDuration } from './age';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

describe('humanDuration (duration.HumanDuration)', () => {
  it.each([
    [-5, '<invalid>'],
    [-2, '<invalid>'],
    [-1, '0s'],
    [0, '0s'],
    [59, '59s'],
    [90, '90s'],
    [119, '119s'],
    [120, '2m'],
    [123, '2m3s'],
    [5 * MINUTE + 3, '5m3s'],
    [9 * MINUTE + 59, '9m59s'],
    [10 * MINUTE, '10m'],
    [10 * MINUTE + 59, '10m'],
    [45 * MINUTE, '45m'],
    [3 * HOUR - 1, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + 5 * MINUTE + 30, '3h5m'],
    [8 * HOUR - 1, '7h59m'],
    [8 * HOUR, '8h'],
    [30 * HOUR, '30h'],
    [48 * HOUR - 1, '47h'],
    [2 * DAY, '2d'],
    [3 * DAY + 4 * HOUR, '3d4h'],
    [8 * DAY - 1, '7d23h'],
    [8 * DAY, '8d'],
    [200 * DAY, '200d'],
    [2 * YEAR - 1, '729d'],
    [2 * YEAR, '2y'],
    [3 * YEAR + 10 * DAY, '3y10d'],
    [8 * YEAR - 1, '7y364d'],
    [8 * YEAR + 10 * DAY, '8y'],
  ])('%i seconds prints as %s', (seconds, expected) => {
    expect(humanDuration(seconds)).toBe(expected);
  });

  it('truncates fractions of a second toward zero, as Go converts to int', () => {
    expect(humanDuration(59.9)).toBe('59s');
    expect(humanDuration(-1.9)).toBe('0s');
  });
});

describe('ageSince', () => {
  it('measures from the timestamp to the simulated clock', () => {
    expect(ageSince(timestampAt(100), 100 + 5 * MINUTE + 3)).toBe('5m3s');
    expect(ageSince(timestampAt(0), 30 * HOUR)).toBe('30h');
  });

  it('prints <unknown> for an unset timestamp', () => {
    expect(ageSince(undefined, 100)).toBe('<unknown>');
    expect(ageSince('', 100)).toBe('<unknown>');
  });
});
