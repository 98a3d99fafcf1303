/** Two forecasts of different lengths shown step by step together: each holds on its last frame. */

export function frameAtStep<T>(frames: readonly T[], step: number): T | undefined {
  if (frames.length === 0) return undefined;
  return frames[Math.max(0, Math.min(step, frames.length - 1))];
}

/** The last step of the longer side. */
export function lastStep(...sides: readonly (readonly unknown[])[]): number {
  return Math.max(0, ...sides.map((frames) => frames.length - 1));
}
