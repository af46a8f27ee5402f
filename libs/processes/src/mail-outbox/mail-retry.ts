export interface MailRetryPolicy {
  /** Wait after the first failed attempt. */
  firstDelayMs: number;
  /** The wait doubles after each failure, up to this. */
  maxDelayMs: number;
}

export const DEFAULT_MAIL_RETRY: MailRetryPolicy = { firstDelayMs: 60_000, maxDelayMs: 3_600_000 };

/** Exponential backoff: the instant of the attempt after `attempt` failed ones. */
export function nextAttemptAt(policy: MailRetryPolicy, failedAttempt: number, now: Date): string {
  const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failedAttempt - 1));
  return new Date(now.getTime() + delay).toISOString();
}
