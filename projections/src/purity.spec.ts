import { HISTORIES } from '@app/domain/testing/case-histories';
import { docKey, draftOf } from '@app/projector/apply-events';
import type { Projection, ProjectionEvent } from './projection';
import { EVERY_PROJECTION } from '@app/runtime/projections/testing/every-projection';
import { recordCaseEvents, withEventIds } from './testing/project';

/** Every history, one case each, interleaved: the cases share days, months and the queue summary. */
const EVENTS: ProjectionEvent[] = Object.values(HISTORIES)
  .map((history, index) =>
    withEventIds(recordCaseEvents(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, history, 1 + index * 10), (event) => `event-${index}-${event.revision}`),
  )
  .flat()
  .sort((a, b) => a.revision - b.revision || a.position - b.position);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

/**
 * Folds the events one by one as applyEvents does, the documents handed to evolve frozen when
 * `frozen`; a draft key gets a copy of its own (never frozen: it may be changed in place), as the
 * projector gives it.
 */
function fold(projection: Projection, frozen: boolean): Map<string, object | null> {
  const documents = new Map<string, object | null>();
  for (const event of EVENTS) {
    const keys = projection.keysOf(event);
    const current = Object.fromEntries(
      Object.entries(keys).map(([name, key]) => {
        const document = documents.get(docKey(key)) ?? null;
        if (projection.drafts?.includes(name)) return [name, draftOf(document)];
        return [name, frozen ? deepFreeze(document) : document];
      }),
    );
    const next = projection.evolve(current, event);
    for (const [name, data] of Object.entries(next)) if (data !== undefined) documents.set(docKey(keys[name]), data);
  }
  return documents;
}

describe.each(EVERY_PROJECTION.map((projection) => [projection.name, projection] as const))('%s', (_name, projection) => {
  it('never changes the documents it is given but its drafts (a batch that fails leaves the cached ones as they were)', () => {
    const expected = fold(projection, false);
    expect(fold(projection, true)).toEqual(expected);
  });
});
