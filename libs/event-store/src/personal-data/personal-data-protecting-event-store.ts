import type { KeyStore } from '@app/key-store';
import type {
  AllSubscription,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamIntegrity,
  SubscribeOptions,
} from '../event-store.port';
import { decryptField, encryptField, EncryptedEnvelope, isEncryptedEnvelope } from './envelope-cipher';
import type { PersonalDataPolicy } from './personal-data-policy';

/**
 * Crypto-shredding at the storage boundary (issue 7, docs/adr/0010-crypto-shredding.md): a decorator
 * of whichever EventStore adapter is configured. On append it replaces each personal field the
 * policy names with an AES-256-GCM envelope under the petitioner's key; on read (streams, $all,
 * subscriptions) it puts the plain value back, or the policy's erased value once the key is gone.
 * The adapters (and anything they do over the stored form, such as hash chains) see only envelopes.
 * Every other method of the port is forwarded untouched: `verifyStream` checks the stored form, so
 * an erasure (a destroyed key) never breaks a hash chain.
 */
export class PersonalDataProtectingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyStore,
    private readonly policy: PersonalDataPolicy,
  ) {}

  async appendToStream(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const protectedEvents: NewEvent[] = [];
    for (const event of events) protectedEvents.push(await this.encrypt(streamId, event, events));
    return this.inner.appendToStream(streamId, protectedEvents, options);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.decrypt(await this.inner.readStream(streamId, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.decrypt(await this.inner.readAll(options));
  }

  subscribeToAll(options?: SubscribeOptions): AllSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const decrypt = (event: RecordedEvent) => this.decrypt([event]).then(([plain]) => plain);
    return {
      close: () => subscription.close(),
      [Symbol.asyncIterator]: async function* () {
        for await (const event of subscription) yield await decrypt(event);
      },
    };
  }

  verifyStream(streamId: string): Promise<StreamIntegrity> {
    return this.inner.verifyStream(streamId);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  async ping(): Promise<void> {
    await Promise.all([this.inner.ping(), this.keys.ping()]);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async encrypt(streamId: string, event: NewEvent, batch: NewEvent[]): Promise<NewEvent> {
    const rule = this.policy.rules[event.type];
    if (!rule) return event;
    const petitionerId = rule.petitionerFrom === 'stream' ? await this.petitionerOfStream(streamId, batch) : event.data.petitionerId;
    // Events of cases filed before petitioners had ids (schema v1) cannot be protected: stored as given.
    if (typeof petitionerId !== 'string' || petitionerId === '') return event;
    const key = await this.keys.keyFor(petitionerId);
    const data = { ...event.data };
    for (const field of rule.fields) {
      if (data[field] !== undefined) data[field] = encryptField(data[field], key, aadOf(event, field));
    }
    return { ...event, data };
  }

  /** The petitioner the stream's first event names (in this batch, or already stored). */
  private async petitionerOfStream(streamId: string, batch: NewEvent[]): Promise<unknown> {
    const inBatch = batch.find((event) => typeof event.data.petitionerId === 'string');
    if (inBatch) return inBatch.data.petitionerId;
    const [first] = await this.inner.readStream(streamId, { fromRevision: 0, maxCount: 1 });
    return first?.data.petitionerId;
  }

  private async decrypt(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyIds = events.flatMap((event) => this.envelopesOf(event).map(([, envelope]) => envelope.keyId));
    if (keyIds.length === 0) return events;
    const found = await this.keys.findKeys(keyIds);
    return events.map((event) => {
      const envelopes = this.envelopesOf(event);
      if (envelopes.length === 0) return event;
      const data = { ...event.data };
      for (const [field, envelope] of envelopes) {
        const key = found.get(envelope.keyId);
        data[field] = key ? decryptField(envelope, key.key, aadOf(event, field)) : this.policy.erasedValue(event.type, field);
      }
      return { ...event, data };
    });
  }

  private envelopesOf(event: { type: string; data: Record<string, unknown> }): [string, EncryptedEnvelope][] {
    const rule = this.policy.rules[event.type];
    if (!rule) return [];
    return rule.fields.flatMap((field) => {
      const value = event.data[field];
      return isEncryptedEnvelope(value) ? [[field, value] as [string, EncryptedEnvelope]] : [];
    });
  }
}

/** The envelope belongs to this event's field: the event id and the field name are authenticated with it. */
function aadOf(event: { metadata: { eventId?: unknown } }, field: string): string {
  return `${String(event.metadata.eventId ?? '')}/${field}`;
}
