import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/runtime';

const SWEEP_ABOVE_KEYS = 10_000;

/**
 * Failed sign-ins counted per account and per client address over a sliding window, in this
 * process's memory (one API process per deployment today; a restart forgets them: ADR 39).
 */
@Injectable()
export class FailedSignIns {
  private readonly failures = new Map<string, number[]>();
  private readonly windowMs: number;

  constructor(private readonly config: AppConfig) {
    this.windowMs = config.SIGN_IN_FAILURE_WINDOW_MINUTES * 60_000;
  }

  /** Seconds until another attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(account: string, address: string, now = Date.now()): number {
    const waits = [this.waitOf(`account:${account}`, this.config.SIGN_IN_FAILURES_PER_ACCOUNT, now), this.waitOf(`address:${address}`, this.config.SIGN_IN_FAILURES_PER_ADDRESS, now)];
    return Math.ceil(Math.max(...waits) / 1000);
  }

  /** Counts an attempt as failed; returns its instant, to take it back should it succeed. */
  record(account: string, address: string, now = Date.now()): number {
    if (this.failures.size >= SWEEP_ABOVE_KEYS) this.sweep(now);
    for (const key of [`account:${account}`, `address:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
    return now;
  }

  /**
   * An attempt counted by `record` succeeded: its account's failures are cleared, and this one
   * attempt is taken back from its address's (the others stay: one address may try many accounts).
   */
  succeeded(account: string, address: string, recordedAt: number): void {
    this.failures.delete(`account:${account}`);
    const key = `address:${address}`;
    const times = this.failures.get(key) ?? [];
    const index = times.lastIndexOf(recordedAt);
    if (index >= 0) times.splice(index, 1);
    if (times.length === 0) this.failures.delete(key);
  }

  private waitOf(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    // Allowed again when enough of the oldest failures leave the window.
    return recent[recent.length - limit] + this.windowMs - now;
  }

  /** Forgets the keys nobody asked about since their failures left the window (else unknown emails would pile up). */
  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }

  private recent(key: string, now: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return kept;
  }
}
