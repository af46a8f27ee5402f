import type { CaseEvent } from '@app/domain';
import type { ReadStore } from '@app/read-store';
import type { CommandOutcome } from '@app/runtime';
import { OpenCases } from './open-cases';

/** A case view that holds `open` (the rivals it would find) and has reached `checkpoint`. */
function caseView(state: { open: { caseId: string; filingNumber: string }[]; checkpoint: number }) {
  const store = {
    find: async () => ({ items: state.open.map((data) => ({ id: data.caseId, position: 1, data })), nextCursor: null }),
    get: async () => null,
    getCheckpoint: async () => ({ projection: 'case-view', version: 7, position: state.checkpoint, updatedAt: '' }),
  };
  return store as unknown as ReadStore;
}

const filed = (caseId: string, position: number, events: CaseEvent['type'][] = ['CaseFiled', 'CaseTypified']): CommandOutcome =>
  ({ caseId, revision: events.length, position, events: events.map((type) => ({ type, data: {} })), replayed: false }) as unknown as CommandOutcome;
const matter = (caseId: string, petitionerId = 'p-1') => ({ petitionerId, typology: 'billing', caseId });
const numberOf = (outcome: CommandOutcome) => `2026-${outcome.caseId}`;

describe('OpenCases', () => {
  it('refuses a matter the case view finds open, naming the case, and records nothing', async () => {
    const openCases = new OpenCases(caseView({ open: [{ caseId: 'c-1', filingNumber: '2026-000001' }], checkpoint: 10 }));
    const record = jest.fn(async () => filed('c-2', 11));
    await expect(openCases.whenNoneOpen(matter('c-2'), false, record, numberOf)).rejects.toMatchObject({ code: 'CASE.OPEN_CASE_EXISTS', details: { filingNumber: '2026-000001', caseId: 'c-1' } });
    expect(record).not.toHaveBeenCalled();
  });

  it('records a distinct matter whatever the view holds', async () => {
    const openCases = new OpenCases(caseView({ open: [{ caseId: 'c-1', filingNumber: '2026-000001' }], checkpoint: 10 }));
    await expect(openCases.whenNoneOpen(matter('c-2'), true, async () => filed('c-2', 11), numberOf)).resolves.toMatchObject({ caseId: 'c-2' });
  });

  it('remembers a case it recorded open until the view has reached it, and then trusts the view', async () => {
    const view = { open: [] as { caseId: string; filingNumber: string }[], checkpoint: 10 };
    const openCases = new OpenCases(caseView(view));
    await openCases.whenNoneOpen(matter('c-1'), false, async () => filed('c-1', 12), numberOf);

    await expect(openCases.whenNoneOpen(matter('c-2'), false, async () => filed('c-2', 13), numberOf)).rejects.toMatchObject({ details: { caseId: 'c-1', filingNumber: '2026-c-1' } });
    // The retried filing of c-1 itself is not its own rival.
    await expect(openCases.whenNoneOpen(matter('c-1'), false, async () => ({ ...filed('c-1', 12), replayed: true }), numberOf)).resolves.toMatchObject({ caseId: 'c-1' });

    view.checkpoint = 12; // the view has c-1 and does not find it open (closed meanwhile)
    await expect(openCases.whenNoneOpen(matter('c-2'), false, async () => filed('c-2', 13), numberOf)).resolves.toMatchObject({ caseId: 'c-2' });
  });

  it('does not remember a case resolved at first line: it was never open', async () => {
    const openCases = new OpenCases(caseView({ open: [], checkpoint: 0 }));
    await openCases.whenNoneOpen(matter('c-1'), false, async () => filed('c-1', 3, ['CaseFiled', 'CaseTypified', 'CaseResolvedAtFirstLine']), numberOf);
    await expect(openCases.whenNoneOpen(matter('c-2'), false, async () => filed('c-2', 5), numberOf)).resolves.toMatchObject({ caseId: 'c-2' });
  });

  it('runs the records of one matter one after the other: of two at once, the second is refused', async () => {
    const openCases = new OpenCases(caseView({ open: [], checkpoint: 0 }));
    const results = await Promise.allSettled([
      openCases.whenNoneOpen(matter('c-1'), false, async () => filed('c-1', 2), numberOf),
      openCases.whenNoneOpen(matter('c-2'), false, async () => filed('c-2', 4), numberOf),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
  });
});
