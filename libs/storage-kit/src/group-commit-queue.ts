export type CommitOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

interface QueuedRequest<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Gathers the requests made during one turn of the event loop and hands them to `commitBatch`
 * together, so concurrent callers share one transaction (and one fsync).
 *
 * `commitBatch` runs synchronously and returns one outcome per request, in order; each caller's
 * promise settles only after it returned, i.e. after the transaction committed. If it throws, the
 * whole batch failed and every request in it is rejected with that error.
 */
export class GroupCommitQueue<Request, Result> {
  private queue: QueuedRequest<Request, Result>[] = [];
  private scheduledFlush: NodeJS.Immediate | undefined;

  constructor(
    private readonly commitBatch: (requests: Request[]) => CommitOutcome<Result>[],
    private readonly maxBatchSize: number,
  ) {
    if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) {
      throw new RangeError(`maxBatchSize must be a positive integer, got ${maxBatchSize}`);
    }
  }

  enqueue(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      // setImmediate rather than a microtask: it runs after the I/O callbacks of this loop turn,
      // so requests arriving from separate sockets in the same turn join the same batch.
      this.scheduledFlush ??= setImmediate(() => this.flushScheduled());
    });
  }

  /** Commits everything queued now, synchronously. */
  drain(): void {
    if (this.scheduledFlush) clearImmediate(this.scheduledFlush);
    this.scheduledFlush = undefined;
    while (this.queue.length > 0) this.commitNextBatch();
  }

  private flushScheduled(): void {
    this.scheduledFlush = undefined;
    this.commitNextBatch();
    // Leftovers beyond maxBatchSize wait for the next turn, so reads and I/O are not starved.
    if (this.queue.length > 0) this.scheduledFlush = setImmediate(() => this.flushScheduled());
  }

  private commitNextBatch(): void {
    const batch = this.queue.splice(0, this.maxBatchSize);
    let outcomes: CommitOutcome<Result>[];
    try {
      outcomes = this.commitBatch(batch.map(({ request }) => request));
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) queued.resolve(outcome.value);
      else queued.reject(outcome.error);
    });
  }
}
