/**
 * A hook for end-to-end tests to break a panel on purpose and check that its boundary holds:
 * `window.__failPanel = 'Inspector'`, then any re-render of that panel throws. Inert otherwise.
 */
declare global {
  interface Window {
    __failPanel?: string;
  }
}

export function failingPanel(): string | undefined {
  return typeof window === 'undefined' ? undefined : window.__failPanel;
}
