/**
 * Notices when the engine worker stops answering. It pings the worker every few seconds; a ping
 * unanswered for too long means the worker is stuck (an endless loop) or gone. Work the page is
 * waiting for (a big apply, a replay) gets a longer allowance than an idle worker, so a slow but
 * honest answer is not mistaken for a hang.
 */
export interface WatchdogTimer {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export interface WatchdogOptions {
  readonly intervalMs: number;
  /** How long an idle worker may take to answer a ping. */
  readonly idleTimeoutMs: number;
  /** How long it may take while the page waits for an answer to a request. */
  readonly busyTimeoutMs: number;
}

export const WATCHDOG_DEFAULTS: WatchdogOptions = {
  intervalMs: 2_000,
  idleTimeoutMs: 6_000,
  busyTimeoutMs: 60_000,
};

export class Watchdog {
  private pending: unknown;
  private waitingSince: number | null = null;
  private stopped = false;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly busy: () => boolean,
    private readonly onStuck: (reason: string) => void,
    private readonly timer: WatchdogTimer,
    private readonly now: () => number,
    private readonly options: WatchdogOptions = WATCHDOG_DEFAULTS,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.pending !== undefined) this.timer.clear(this.pending);
    this.pending = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.pending = this.timer.set(() => this.check(), this.options.intervalMs);
  }

  private check(): void {
    if (this.stopped) return;
    if (this.waitingSince === null) {
      const sent = this.now();
      this.waitingSince = sent;
      this.ping().then(
        () => {
          if (this.waitingSince === sent) this.waitingSince = null;
        },
        (error: unknown) =>
          this.stuck(`the engine failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    } else {
      const waited = this.now() - this.waitingSince;
      const allowance = this.busy() ? this.options.busyTimeoutMs : this.options.idleTimeoutMs;
      if (waited >= allowance) {
        this.stuck(`the engine has not answered for ${Math.round(waited / 1000)} s`);
        return;
      }
    }
    this.schedule();
  }

  private stuck(reason: string): void {
    if (this.stopped) return;
    this.stop();
    this.waitingSince = null;
    this.onStuck(reason);
  }
}
