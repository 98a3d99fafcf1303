/** Access modes, their short names and the set logic the binder and scheduler use. */

export const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

const SHORT: Record<AccessMode, string> = {
  ReadWriteOnce: 'RWO',
  ReadOnlyMany: 'ROX',
  ReadWriteMany: 'RWX',
  ReadWriteOncePod: 'RWOP',
};

export function isAccessMode(value: unknown): value is AccessMode {
  return typeof value === 'string' && (ACCESS_MODES as readonly string[]).includes(value);
}

/** kubectl's rendering: short names, de-duplicated, in the fixed order RWO, ROX, RWX, RWOP. */
export function formatAccessModes(modes: readonly string[] | undefined): string {
  if (!modes) return '';
  return ACCESS_MODES.filter((mode) => modes.includes(mode))
    .map((mode) => SHORT[mode])
    .join(',');
}

export function shortAccessMode(mode: string): string {
  return isAccessMode(mode) ? SHORT[mode] : mode;
}

/** The index key of a set of modes: order-insensitive, duplicates ignored. */
export function accessModeSetKey(modes: readonly string[] | undefined): string {
  return ACCESS_MODES.filter((mode) => modes?.includes(mode)).join(',');
}

/** True when `offered` contains every mode in `requested` (component-helpers CheckAccessModes). */
export function containsAllModes(
  offered: readonly string[] | undefined,
  requested: readonly string[] | undefined,
): boolean {
  return (requested ?? []).every((mode) => offered?.includes(mode) ?? false);
}

/** RWO and RWOP volumes may be attached to one node at a time (attach/detach reconciler). */
export function allowsMultiNodeAttach(modes: readonly string[] | undefined): boolean {
  return (modes ?? []).some((mode) => mode === 'ReadWriteMany' || mode === 'ReadOnlyMany');
}
