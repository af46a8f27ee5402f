import { chainHash, GENESIS_HASH, StoredEvent, verifyHashChain, withHashInMetadataJson } from './hash-chain';

/** A correctly chained stream in its stored form: what an adapter would have written. */
function storedStream(length: number, streamId = 'case-1'): StoredEvent[] {
  const events: StoredEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let revision = 0; revision < length; revision += 1) {
    const content = { streamId, revision, type: `Step${revision}`, data: JSON.stringify({ step: revision, text: 'Cobro ñ 📨' }), metadataWithoutHash: JSON.stringify({ eventId: `e${revision}`, actorId: 'ana' }) };
    const hash = chainHash(content, previousHash);
    events.push({ streamId, revision, position: 10 + revision * 3, type: content.type, data: content.data, metadata: withHashInMetadataJson(content.metadataWithoutHash, hash) });
    previousHash = hash;
  }
  return events;
}

describe('hash chain', () => {
  it('puts the hash in the metadata JSON exactly as JSON.stringify({ ...metadata, hash }) would', () => {
    const metadata = { eventId: 'e1', nested: { a: [1, 'x'] }, quote: 'say "hi"' };
    expect(withHashInMetadataJson(JSON.stringify(metadata), 'abc')).toBe(JSON.stringify({ ...metadata, hash: 'abc' }));
    expect(withHashInMetadataJson('{}', 'abc')).toBe('{"hash":"abc"}');
  });

  it('hashes each field length-prefixed, so moving bytes from one field to the next changes the hash', () => {
    const content = { streamId: 'case-1', revision: 0, type: 'AB', data: '{"x":1}', metadataWithoutHash: '{}' };
    expect(chainHash(content, GENESIS_HASH)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ ...content, streamId: 'case-1A', type: 'B' }, GENESIS_HASH)).not.toBe(chainHash(content, GENESIS_HASH));
    expect(chainHash(content, 'a'.repeat(64))).not.toBe(chainHash(content, GENESIS_HASH));
  });

  it('finds an intact stream intact, and an empty one intact with 0 events', async () => {
    expect(await verifyHashChain(storedStream(4))).toEqual({ intact: true, events: 4 });
    expect(await verifyHashChain([])).toEqual({ intact: true, events: 0 });
  });

  it.each<[string, (events: StoredEvent[]) => StoredEvent[], { firstBrokenRevision: number; reason: string }]>([
    ['one byte of the data changed', (e) => withEvent(e, 2, { data: e[2].data.replace('Cobro', 'Cobrx') }), { firstBrokenRevision: 2, reason: 'hash-mismatch' }],
    ['a metadata value changed', (e) => withEvent(e, 1, { metadata: e[1].metadata.replace('"ana"', '"eve"') }), { firstBrokenRevision: 1, reason: 'hash-mismatch' }],
    ['the type changed', (e) => withEvent(e, 3, { type: 'Other' }), { firstBrokenRevision: 3, reason: 'hash-mismatch' }],
    ['the hash removed', (e) => withEvent(e, 0, { metadata: JSON.stringify({ eventId: 'e0', actorId: 'ana' }) }), { firstBrokenRevision: 0, reason: 'missing-hash' }],
    ['the metadata made unreadable', (e) => withEvent(e, 2, { metadata: e[2].metadata.slice(1) }), { firstBrokenRevision: 2, reason: 'unreadable-metadata' }],
    ['an event removed', (e) => [...e.slice(0, 1), ...e.slice(2)], { firstBrokenRevision: 2, reason: 'revision-gap' }],
    ['two events swapped', (e) => [e[0], e[2], e[1], e[3]], { firstBrokenRevision: 2, reason: 'revision-gap' }],
  ])('names the first broken event when %s', async (_, tamper, expected) => {
    const original = storedStream(4);
    const tampered = tamper(original);
    const position = tampered.find((event) => event.revision === expected.firstBrokenRevision)!.position;
    expect(await verifyHashChain(tampered)).toEqual({ intact: false, firstBrokenPosition: position, ...expected });
  });

  it('reports an earlier event altered together with its own hash at the next event, whose link no longer matches', async () => {
    const events = storedStream(3);
    const altered = JSON.stringify({ step: 0, text: 'nothing happened' });
    const rehashed = chainHash({ ...events[0], data: altered, metadataWithoutHash: JSON.stringify({ eventId: 'e0', actorId: 'ana' }) }, GENESIS_HASH);
    const tampered = withEvent(events, 0, { data: altered, metadata: withHashInMetadataJson(JSON.stringify({ eventId: 'e0', actorId: 'ana' }), rehashed) });
    expect(await verifyHashChain(tampered)).toEqual({ intact: false, firstBrokenRevision: 1, firstBrokenPosition: events[1].position, reason: 'hash-mismatch' });
  });
});

function withEvent(events: StoredEvent[], revision: number, change: Partial<StoredEvent>): StoredEvent[] {
  return events.map((event) => (event.revision === revision ? { ...event, ...change } : event));
}
