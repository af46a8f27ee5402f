import type { KeyStore } from '@app/key-store';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamIntegrity,
} from '../event-store.port';
import { decryptField, encryptField, isEncryptedEnvelope } from './envelope-cipher';
import type { PersonalDataPolicy, PersonalDataRule } from './personal-data-policy';

/** Streams whose petitioner is remembered (a stream's first event never changes): appends skip a read. */
const STREAM_PETITIONERS_REMEMBERED = 10_000;

/**
 * Crypto-shredding at the storage boundary (issue 7, docs/adr/0010-crypto-shredding.md): a decorator
 * of whichever EventStore adapter is configured. On append it replaces each personal field the
 * policy names with an AES-256-GCM envelope under the petitioner's key; on read (streams, $all)
 * it puts the plain value back, or the policy's erased value once the key is gone.
 * The adapters (and anything they do over the stored form, such as hash chains) see only envelopes.
 * Every other method of the port is forwarded untouched: `verifyStream` checks the stored form, so
 * an erasure (a destroyed key) never breaks a hash chain.
 */
export class PersonalDataProtectingEventStore implements EventStore {
  private readonly streamPetitioners = new Map<string, string>();

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
    const data = mapPersonalValues(rule, event.data, (value, path) => (isEncryptedEnvelope(value) ? value : encryptField(value, key, aadOf(event, path))));
    return data ? { ...event, data } : event;
  }

  /** The petitioner the stream's first event names (in this batch, or already stored; remembered, it never changes). */
  private async petitionerOfStream(streamId: string, batch: NewEvent[]): Promise<unknown> {
    const inBatch = batch.find((event) => typeof event.data.petitionerId === 'string');
    if (inBatch) return inBatch.data.petitionerId;
    const known = this.streamPetitioners.get(streamId);
    if (known) return known;
    const [first] = await this.inner.readStream(streamId, { fromRevision: 0, maxCount: 1 });
    const petitionerId = first?.data.petitionerId;
    if (typeof petitionerId === 'string' && petitionerId !== '') {
      if (this.streamPetitioners.size >= STREAM_PETITIONERS_REMEMBERED) this.streamPetitioners.delete(this.streamPetitioners.keys().next().value as string);
      this.streamPetitioners.set(streamId, petitionerId);
    }
    return petitionerId;
  }

  private async decrypt(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const keyIds: string[] = [];
    for (const event of events) {
      const rule = this.policy.rules[event.type];
      if (!rule) continue;
      mapPersonalValues(rule, event.data, (value) => {
        if (isEncryptedEnvelope(value)) keyIds.push(value.keyId);
        return value;
      });
    }
    if (keyIds.length === 0) return events;
    const found = await this.keys.findKeys(keyIds);
    return events.map((event) => {
      const rule = this.policy.rules[event.type];
      if (!rule) return event;
      const data = mapPersonalValues(rule, event.data, (value, path, field) => {
        if (!isEncryptedEnvelope(value)) return value;
        const key = found.get(value.keyId);
        return key ? decryptField(value, key.key, aadOf(event, path)) : this.policy.erasedValue(event.type, field);
      });
      return data ? { ...event, data } : event;
    });
  }
}

/**
 * Applies `change` to every personal value the rule names in `data` (a top-level field, or `list[].field`
 * in each element of a list), on copies: `data` is never changed. Null when no value changed.
 * `path` is where the value sits (`attachments[0].name`), `field` the rule's name for it.
 */
export function mapPersonalValues(
  rule: PersonalDataRule,
  data: Record<string, unknown>,
  change: (value: unknown, path: string, field: string) => unknown,
): Record<string, unknown> | null {
  let copy: Record<string, unknown> | null = null;
  for (const field of rule.fields) {
    const listMark = field.indexOf('[].');
    if (listMark < 0) {
      const value = data[field];
      if (value === undefined || value === null) continue;
      const next = change(value, field, field);
      if (next === value) continue;
      copy ??= { ...data };
      copy[field] = next;
      continue;
    }
    const listName = field.slice(0, listMark);
    const itemField = field.slice(listMark + 3);
    const items = (copy ?? data)[listName];
    if (!Array.isArray(items)) continue;
    let changedItems: unknown[] | null = null;
    items.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null) return;
      const value = (item as Record<string, unknown>)[itemField];
      if (value === undefined || value === null) return;
      const next = change(value, `${listName}[${index}].${itemField}`, field);
      if (next === value) return;
      changedItems ??= [...items];
      changedItems[index] = { ...(item as Record<string, unknown>), [itemField]: next };
    });
    if (changedItems) {
      copy ??= { ...data };
      copy[listName] = changedItems;
    }
  }
  return copy;
}

/** The envelope belongs to this event's field: the event id and the value's path are authenticated with it. */
function aadOf(event: { metadata: { eventId?: unknown } }, path: string): string {
  return `${String(event.metadata.eventId ?? '')}/${path}`;
}
