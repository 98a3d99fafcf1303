/**
 * Runs one request at a time and keeps only the newest one that arrives meanwhile. Dragging the
 * scrubber asks for dozens of frames a second; the worker sees one seek in flight plus the latest
 * position the pointer reached, never the queue in between.
 */
export class LatestOnly<T> {
  private running = false;
  private waiting: { readonly value: T } | undefined;

  constructor(
    private readonly run: (value: T) => Promise<void>,
    /** Called with the last value run when nothing is waiting any more. */
    private readonly onIdle?: (last: T) => void,
  ) {}

  get busy(): boolean {
    return this.running;
  }

  request(value: T): void {
    if (this.running) {
      this.waiting = { value };
      return;
    }
    void this.drain(value);
  }

  private async drain(first: T): Promise<void> {
    this.running = true;
    let value = first;
    for (;;) {
      try {
        await this.run(value);
      } catch {
        // A failed request (the worker refused) must not stop the ones after it.
      }
      const next = this.waiting;
      this.waiting = undefined;
      if (!next) break;
      value = next.value;
    }
    this.running = false;
    this.onIdle?.(value);
  }
}
