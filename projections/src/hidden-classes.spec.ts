import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { HIDDEN_CLASSES_OF_ONE_SHAPE, hiddenClassCount } from '@app/domain/testing/hidden-classes';
import type { ProjectionEvent } from './projection';
import { EVERY_PROJECTION } from '@app/runtime/projections/testing/every-projection';
import { project, recordCaseEvents, withEventIds } from './testing/project';
import type { DocSlot } from '@app/projector/apply-events';

const CASES = 20;

/** The same history for many cases, each read back as a store returns it (parsed afresh). */
function eventsOfManyCases(history: CaseEvent[]): ProjectionEvent[] {
  return Array.from({ length: CASES }, (_, index) => {
    const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const recorded = withEventIds(recordCaseEvents(caseId, history, index * history.length + 1), (event) => `${caseId}-${event.revision}`);
    return JSON.parse(JSON.stringify(recorded)) as ProjectionEvent[];
  }).flat();
}

/** The documents one per case (a collection, and a `kind` within it), and the objects they nest (in fields and in arrays). */
function perCaseShapes(documents: Map<string, DocSlot>): Map<string, object[]> {
  const shapes = new Map<string, object[]>();
  const add = (name: string, value: object) => shapes.set(name, [...(shapes.get(name) ?? []), value]);
  for (const [key, { data }] of documents) {
    if (!data) continue;
    const kind = 'kind' in data ? data.kind : undefined;
    const name = `${key.split('\u0000')[0]}${typeof kind === 'string' ? `/${kind}` : ''}`;
    add(name, data);
    for (const [field, value] of Object.entries(data)) {
      if (Array.isArray(value)) value.filter((item) => typeof item === 'object' && item !== null).forEach((item) => add(`${name}.${field}[]`, item));
      else if (typeof value === 'object' && value !== null) add(`${name}.${field}`, value);
    }
  }
  // Documents every case shares (a day's counts, the queue summary) are not built per case.
  return new Map([...shapes].filter(([, objects]) => objects.length >= CASES));
}

describe.each(EVERY_PROJECTION.map((projection) => [projection.name, projection] as const))('%s builds documents alike for cases alike', (_name, projection) => {
  it.each(Object.entries(HISTORIES).filter(([, history]) => history.length > 0))('%s', (_history, history) => {
    const { documents } = project(projection, eventsOfManyCases(history));
    const shapes = perCaseShapes(documents);
    const tooMany = [...shapes].map(([name, objects]) => ({ name, classes: hiddenClassCount(objects) })).filter(({ classes }) => classes > HIDDEN_CLASSES_OF_ONE_SHAPE);
    expect(tooMany).toEqual([]);
  });
});
