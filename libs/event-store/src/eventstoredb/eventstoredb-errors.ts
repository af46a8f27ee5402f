import { ErrorType, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../event-store.port';

/**
 * Errors are recognized by their `type` (the client's `ErrorType`), not with instanceof, so that
 * errors from another copy of the library, or from a test double, are recognized too.
 */
const UNAVAILABLE_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  // The server's commit timeout, and a cancellation by the server (never by us: the client drops those).
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  // The client reconnects to the leader on the next call.
  ErrorType.NOT_LEADER,
]);

// Raw gRPC status codes. Some client paths (the unary append) reject with the raw gRPC error.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isStreamNotFound(error: unknown): boolean {
  return typeOf(error) === ErrorType.STREAM_NOT_FOUND;
}

export function isUnavailable(error: unknown): boolean {
  const type = typeOf(error);
  if (type !== undefined) return UNAVAILABLE_TYPES.has(type);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === 'UNAVAILABLE') return true;
  // Thrown by the client's cluster discovery (gossip / DNS connection strings).
  return error instanceof Error && error.message.startsWith('Failed to discover');
}

/** Wraps "cannot reach the server" failures in EventStoreUnavailableError; anything else is returned unchanged. */
export function asUnavailableWhenUnreachable(error: unknown, operation: string): unknown {
  if (!isUnavailable(error)) return error;
  return new EventStoreUnavailableError(
    `${operation} failed: EventStoreDB is unavailable (${errorMessage(error)}). Check that the server is running and that EVENTSTORE_URL points to it.`,
    error,
  );
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function typeOf(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}
