import { DeadlineFold } from './deadline-fold';
import { calendar, History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';

const options = { calendar, policies: DEFAULT_SLA_POLICIES, explain: false };

/** Pauses, an extension, a response, a counter-reply: every part of a snapshot has something in it. */
const history = () =>
  History.filed('2026-03-02T10:00:00-05:00')
    .inProgress('2026-03-03T09:00:00-05:00')
    .informationRequested('2026-03-05T10:00:00-05:00')
    .informationReceived('2026-03-09T11:00:00-05:00')
    .extended('2026-03-10T09:00:00-05:00', 5)
    .responded('2026-03-12T10:00:00-05:00', 'resolved')
    .counterReplied('2026-03-13T10:00:00-05:00');

function foldAtOnce(): DeadlineFold {
  const [filed, ...rest] = history().events;
  if (filed.type !== 'CaseFiled') throw new Error('a history starts with CaseFiled');
  const fold = new DeadlineFold(filed.data, options);
  rest.forEach((event) => fold.apply(event));
  return fold;
}

/** As the SLA timers projection folds: a new fold per event, resumed from the last one's snapshot (through JSON, as stored). */
function foldEventByEvent(): DeadlineFold {
  const [filed, ...rest] = history().events;
  if (filed.type !== 'CaseFiled') throw new Error('a history starts with CaseFiled');
  let fold = new DeadlineFold(filed.data, options);
  for (const event of rest) {
    fold = DeadlineFold.resume(JSON.parse(JSON.stringify(fold.snapshot())), options);
    fold.apply(event);
  }
  return fold;
}

describe('DeadlineFold.resume', () => {
  it('given a history folded event by event from stored snapshots, then the clocks equal one fold over the whole history', () => {
    const resumed = foldEventByEvent();
    const whole = foldAtOnce();
    expect(resumed.snapshot()).toEqual(whole.snapshot());
    expect(resumed.clocks).toEqual(whole.clocks);
  });

  it('given a snapshot taken while paused, when resumed and the information arrives, then the snapshot is left as it was', () => {
    const [filed, ...rest] = history().events;
    if (filed.type !== 'CaseFiled') throw new Error('a history starts with CaseFiled');
    const received = rest.findIndex((event) => event.type === 'InformationReceived');
    const fold = new DeadlineFold(filed.data, options);
    rest.slice(0, received).forEach((event) => fold.apply(event));
    const snapshot = fold.snapshot();
    const before = JSON.parse(JSON.stringify(snapshot));
    const resumed = DeadlineFold.resume(snapshot, options);
    resumed.apply(rest[received]);
    expect(resumed.snapshot()).not.toEqual(before);
    expect(snapshot).toEqual(before);
  });
});
