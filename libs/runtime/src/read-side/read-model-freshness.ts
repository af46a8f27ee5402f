import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { RequestValidationError } from '../errors/request-validation.error';

const POLL_MS = 10;
const MAX_WAIT_MS = 5000;

/** `?minPosition=`: a client reads its own writes by waiting until the read models have reached them. */
@Injectable()
export class ReadModelFreshness {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async waitFor(minPosition: number | undefined, projections: string[]): Promise<void> {
    if (!minPosition) return;
    const head = await this.eventStore.headPosition();
    if (minPosition > head) {
      throw new RequestValidationError([{ field: 'minPosition', reason: `minPosition is past the last event written (${head})` }]);
    }
    const deadline = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const checkpoints = await Promise.all(projections.map((name) => this.readStore.getCheckpoint(name)));
      if (checkpoints.every((checkpoint) => (checkpoint?.position ?? 0) >= minPosition)) return;
      if (Date.now() >= deadline) {
        throw new ServiceUnavailableException({
          code: 'READ_MODEL.BEHIND',
          message: `The read models have not reached position ${minPosition} yet; retry shortly`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
