/**
 * Measurements for the presenter spec, taken from computed styles: the WCAG contrast of an
 * element's text against what is painted behind it, and whether the page scrolls sideways.
 */
import type { Locator, Page } from '@playwright/test';

export interface ContrastMeasure {
  readonly text: string;
  readonly ratio: number;
  readonly color: string;
  readonly background: string;
}

/** The text's colour against the backgrounds of it and its ancestors, composited; opacity counts. */
export function contrastOf(locator: Locator): Promise<ContrastMeasure> {
  return locator.evaluate((element) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const parts = /rgba?\(([^)]+)\)/
        .exec(value)?.[1]
        ?.split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      if (!parts || parts.length < 3) throw new Error(`unreadable colour ${value}`);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const alpha = top[3];
      return [0, 1, 2]
        .map((index) => (top[index] ?? 0) * alpha + (bottom[index] ?? 0) * (1 - alpha))
        .concat(1) as Rgba;
    };
    const luminance = ([red, green, blue]: Rgba) =>
      [red, green, blue]
        .map((channel) => channel / 255)
        .map((srgb) => (srgb <= 0.03928 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4))
        .reduce((sum, value, index) => sum + value * ([0.2126, 0.7152, 0.0722][index] ?? 0), 0);
    const layers: Rgba[] = [];
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      layers.push(parse(style.backgroundColor));
      opacity *= Number(style.opacity);
    }
    // The canvas behind everything is white; paint the layers from the root up.
    const background = layers
      .reverse()
      .reduce((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
    const text = parse(getComputedStyle(element).color);
    const color = over([text[0], text[1], text[2], text[3] * opacity], background);
    const [lighter, darker] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    const round = (value: Rgba) => `rgb(${value.slice(0, 3).map(Math.round).join(', ')})`;
    return {
      text: (element.textContent ?? '').trim().slice(0, 40),
      ratio: Math.round((((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05)) * 100) / 100,
      color: round(color),
      background: round(background),
    };
  });
}

/** How far the page reaches past the right edge of the viewport (0 when nothing overflows). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const right = Math.max(
      document.documentElement.scrollWidth,
      document.body.scrollWidth,
      ...[...document.querySelectorAll('body *')]
        .filter((element) => element.checkVisibility() && !element.closest('.react-flow__viewport'))
        .map((element) => element.getBoundingClientRect().right),
    );
    return Math.max(0, Math.ceil(right - window.innerWidth));
  });
}
