import type { TimelineEntry } from '@app/projections';
import { checkAgainstAnchor } from './stream-anchor';

const entry = (revision: number, type: string): TimelineEntry => ({
  position: 10 + revision,
  revision,
  at: `2026-03-0${2 + revision}T10:00:00-05:00`,
  type: type as TimelineEntry['type'],
  actorId: 'bo-beto',
  channel: 'internal',
  description: 'Paso',
  customerVisible: false,
});
const anchor = [entry(0, 'CaseFiled'), entry(1, 'CaseTypified'), entry(2, 'CaseAssigned')];
const missing = (e: TimelineEntry) => ({ revision: e.revision, position: e.position, type: e.type, occurredAt: e.at, actorId: e.actorId });

describe('checkAgainstAnchor: the chain of the stream, against the events the read models saw', () => {
  it('given every event the read models saw still stored (or the read models behind), then the chain\'s verdict as it is', () => {
    expect(checkAgainstAnchor({ intact: true, events: 3 }, [0, 1, 2], anchor)).toEqual({ intact: true, events: 3 });
    expect(checkAgainstAnchor({ intact: true, events: 4 }, [0, 1, 2, 3], anchor)).toEqual({ intact: true, events: 4 });
    expect(checkAgainstAnchor({ intact: true, events: 3 }, [0, 1, 2], [])).toEqual({ intact: true, events: 3 });
  });

  it('given an intact chain whose last events are gone, then truncated from the first missing one, naming each', () => {
    expect(checkAgainstAnchor({ intact: true, events: 1 }, [0], anchor)).toEqual({
      intact: false, firstBrokenRevision: 1, firstBrokenPosition: 11, reason: 'truncated', missing: [missing(anchor[1]), missing(anchor[2])],
    });
  });

  it('given a stream emptied after the read models saw it, then every event is missing', () => {
    expect(checkAgainstAnchor({ intact: true, events: 0 }, [], anchor)).toMatchObject({ reason: 'truncated', firstBrokenRevision: 0, missing: anchor.map(missing) });
  });

  it('given a break inside the stream (an event removed in the middle), then the chain names it, with what is missing', () => {
    const gap = { intact: false as const, firstBrokenRevision: 2, firstBrokenPosition: 12, reason: 'revision-gap' as const };
    expect(checkAgainstAnchor(gap, [0, 2], anchor)).toEqual({ ...gap, missing: [missing(anchor[1])] });
  });
});
