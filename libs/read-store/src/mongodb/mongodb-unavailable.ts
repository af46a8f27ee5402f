import {
  MongoClientClosedError,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { ReadStoreUnavailableError } from '../read-store-unavailable.error';

/** Driver errors that say the server cannot be reached or the client is gone, not that the request was wrong. */
const UNREACHABLE = [
  MongoNetworkError,
  MongoServerSelectionError,
  MongoOperationTimeoutError,
  MongoTopologyClosedError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoClientClosedError,
];

/** Wraps errors that mean "MongoDB is not reachable right now" in ReadStoreUnavailableError; returns others unchanged. */
export function asUnavailableWhenUnreachable(error: unknown, context: string): unknown {
  const unreachable =
    UNREACHABLE.some((type) => error instanceof type) ||
    // Failovers and shutdowns: the server says retrying (elsewhere, later) would work.
    (error instanceof MongoError && error.hasErrorLabel('RetryableWriteError'));
  return unreachable ? new ReadStoreUnavailableError(`${context}: ${(error as Error).message}`, error) : error;
}
