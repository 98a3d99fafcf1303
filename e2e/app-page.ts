/** The app as a user sees it: page objects for the editor, the graph, and the side panels. */
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits until the engine has drawn the cluster (not just the page). */
  async open(): Promise<void> {
    await this.openAt('/');
  }

  /** Opens the app at `path` (presenter parameters, say) and waits until the cluster is drawn. */
  async openAt(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.node('Node node-a, Ready')).toBeVisible();
  }

  /** The caption of the demo being presented: title, position, narration, next/previous. */
  demoCaption(title: string): Locator {
    return this.page.getByRole('region', { name: `Demo: ${title}` });
  }

  async loadExample(id: string): Promise<void> {
    await this.page.getByLabel('Load an example').selectOption(id);
  }

  async apply(): Promise<void> {
    await this.page.getByRole('button', { name: 'Apply', exact: true }).click();
  }

  /** What the last Apply answered (a status when accepted, an alert when refused). */
  applyResult(role: 'status' | 'alert'): Locator {
    return this.page.getByRole(role, { name: 'Apply result' });
  }

  /** Waits for Monaco (not the fallback) and returns its test handle's text. */
  async editorText(): Promise<string> {
    await this.page.waitForFunction(() => window.__yamlEditor !== undefined);
    return this.page.evaluate(() => window.__yamlEditor?.getValue() ?? '');
  }

  async replaceEditorText(text: string): Promise<void> {
    await this.page.waitForFunction(() => window.__yamlEditor !== undefined);
    await this.page.evaluate((value) => window.__yamlEditor?.setValue(value), text);
  }

  /** A graph node by its accessible name: "<Kind> <name>, <status>". */
  node(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Writes a file from the selected pod `pod` with the inspector's form; returns the action result. */
  async writeFileFrom(pod: string, path: string, content: string): Promise<Locator> {
    const form = this.page.getByRole('form', { name: `Write a file from pod ${pod}` });
    await form.getByRole('textbox', { name: 'Path' }).fill(path);
    await form.getByRole('textbox', { name: 'Content' }).fill(content);
    await form.getByRole('button', { name: 'Write file' }).click();
    return this.page.getByRole('status', { name: 'Action result' });
  }

  /** A link in the inspector's "Uses" or "Used by" list, by its text ("PVC data"): it selects that card. */
  relationLink(list: 'Uses' | 'Used by', text: string): Locator {
    return this.page
      .getByRole('list', { name: list, exact: true })
      .getByRole('button', { name: `Select ${text}`, exact: true });
  }

  panel(name: 'Why' | 'Events' | 'Inspector' | 'Terminal'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async kubectl(line: string): Promise<Locator> {
    await this.panel('Terminal').click();
    const input = this.page.getByRole('textbox', { name: 'kubectl command' });
    await input.fill(line);
    await input.press('Enter');
    const log = this.page.getByRole('log');
    await expect(log).toContainText(`$ ${line}`);
    return log;
  }

  /** The timeline strip under the header. */
  timeline(): Locator {
    return this.page.getByRole('region', { name: 'Timeline' });
  }

  scrubber(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline position' });
  }

  /** Waits until the cluster has reconciled everything (and shows the newest frame). */
  async settled(): Promise<void> {
    await expect(this.page.getByRole('toolbar', { name: 'Playback' })).toContainText('settled');
    await expect(this.timeline()).toContainText(/frame (\d+) of \1 · live/);
  }
}
