export interface AppendWait {
  /** Resolves (never rejects) on the next append, or when the wait is cancelled. */
  readonly promise: Promise<void>;
  cancel(): void;
}

/**
 * Wakes waiting subscriptions when events are appended: at once for appends committed through
 * this process's store (`notifyAll`), and by polling `detectForeignAppends` for appends made
 * through other connections, e.g. another process writing the same file. It polls only while
 * someone is waiting.
 */
export class AppendNotifier {
  private readonly waiters = new Set<() => void>();
  private pollTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pollIntervalMs: number,
    private readonly detectForeignAppends: () => boolean,
  ) {
    if (!Number.isFinite(pollIntervalMs) || pollIntervalMs <= 0) {
      throw new RangeError(`pollIntervalMs must be a positive number, got ${pollIntervalMs}`);
    }
  }

  wait(): AppendWait {
    let wake!: () => void;
    const promise = new Promise<void>((resolve) => (wake = resolve));
    this.waiters.add(wake);
    this.startPolling();
    return {
      promise,
      cancel: () => {
        this.waiters.delete(wake);
        wake();
        this.stopPollingWhenIdle();
      },
    };
  }

  notifyAll(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    this.stopPollingWhenIdle();
    for (const wake of waiters) wake();
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.poll(), this.pollIntervalMs);
    // A subscription someone forgot to close must not keep the process alive.
    this.pollTimer.unref();
  }

  private stopPollingWhenIdle(): void {
    if (this.waiters.size > 0 || !this.pollTimer) return;
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private poll(): void {
    let appended: boolean;
    try {
      appended = this.detectForeignAppends();
    } catch {
      // Wake the subscriptions: their own read will fail and report the error to their consumer.
      appended = true;
    }
    if (appended) this.notifyAll();
  }
}
