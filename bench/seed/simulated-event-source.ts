/**
 * Feeds the Projector straight from the simulation, without an event store file in between: the
 * events of each case's whole history (decided by the decider, with the API's metadata) get
 * consecutive global positions and stream revisions, as SqliteEventStore would give them, and are
 * handed out by `readAll` as the projector asks. Only what the Projector calls is implemented.
 */
import {
  AppendResult,
  EventStore,
  ReadAllOptions,
  RecordedEvent,
  StreamIntegrity,
} from '@app/event-store';
import { CaseSimulation, withMetadata } from './case-simulation';

export class SimulatedEventSource implements EventStore {
  /** Generated events not yet read past, in position order. */
  private buffer: RecordedEvent[] = [];
  private lastPosition = 0;
  private exhausted = false;

  constructor(private readonly simulation: CaseSimulation) {}

  /** Reads must move forward: the projector reads from its lowest checkpoint, which only grows. */
  async readAll({ fromPosition = 0, maxCount = Number.MAX_SAFE_INTEGER }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const firstBuffered = this.buffer[0]?.position ?? this.lastPosition + 1;
    if (fromPosition + 1 < firstBuffered) throw new Error(`SimulatedEventSource cannot go back to position ${fromPosition}`);
    this.buffer = this.buffer.slice(fromPosition + 1 - firstBuffered);
    while (this.buffer.length < maxCount && !this.exhausted) this.generateNextCase();
    return this.buffer.slice(0, maxCount);
  }

  /** Unknown until the simulation ends: the projector's catch-up then stops when a read comes back empty. */
  async headPosition(): Promise<number> {
    return this.exhausted ? this.lastPosition : Number.MAX_SAFE_INTEGER;
  }

  private generateNextCase(): void {
    const history = this.simulation.nextCaseHistory();
    if (!history) {
      this.exhausted = true;
      return;
    }
    for (const decided of history) {
      let revision = decided.expectedRevision === 'no_stream' ? -1 : decided.expectedRevision;
      const recordedAt = new Date(decided.atMs).toISOString();
      for (const event of withMetadata(decided)) {
        this.buffer.push({ ...event, streamId: decided.streamId, revision: ++revision, position: ++this.lastPosition, recordedAt });
      }
    }
  }

  async appendToStream(): Promise<AppendResult> {
    throw new Error('SimulatedEventSource is read-only');
  }

  async readStream(): Promise<RecordedEvent[]> {
    throw new Error('SimulatedEventSource only serves readAll');
  }

  async verifyStream(): Promise<StreamIntegrity> {
    throw new Error('SimulatedEventSource only serves readAll');
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
