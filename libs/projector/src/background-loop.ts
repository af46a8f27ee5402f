/**
 * A loop in the background: it runs `iteration` again and again until `stop()`, idling between two
 * runs as long as the iteration asks (0: at once). `stop()` cuts the idle time short and waits for
 * the running iteration to finish.
 */
export class BackgroundLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly iteration: () => Promise<number>) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const idleMs = await this.iteration();
      if (this.running && idleMs > 0) await this.idle(idleMs);
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** Where background loops write when no logger is given. */
export function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}
