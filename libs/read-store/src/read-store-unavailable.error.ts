/** The read store cannot serve requests right now (busy, I/O failure, disk full, closed); retrying later may succeed. */
export class ReadStoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'ReadStoreUnavailableError';
  }
}
