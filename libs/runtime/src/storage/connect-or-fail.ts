/** What a URL looks like in a message: without its user and password. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

/**
 * Start-up check of a configured server: it answers within `timeoutMs`, or start-up fails with a
 * message naming the URL and the cause — never a hang.
 */
async function connectOrFail(what: string, url: string, timeoutMs: number, ping: () => Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([ping(), timeout]);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`${what} at ${redactUrl(url)} is unreachable: ${cause}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A configured server's store, once it answered (see `connectOrFail`); when it does not, the store is
 * closed (its client's sockets and timers would keep the process alive) and start-up fails.
 */
export async function connectedOrClosed<S extends { close(): Promise<unknown> }>(store: S, what: string, url: string, timeoutMs: number, ping: (store: S) => Promise<unknown>): Promise<S> {
  try {
    await connectOrFail(what, url, timeoutMs, () => ping(store));
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}
