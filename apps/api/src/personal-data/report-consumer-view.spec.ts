import type { TimelineEntry } from '@app/projections';
import { seesNoPersonalData, timelineEntryWithoutFreeText, WITHHELD } from './report-consumer-view';

describe('What a report consumer is shown', () => {
  it('a caller whose only role is reporter sees no personal data; one holding another role reads as that role', () => {
    expect(seesNoPersonalData({ id: 'rep', roles: ['reporter'] })).toBe(true);
    expect(seesNoPersonalData({ id: 'rep-adm', roles: ['reporter', 'admin'] })).toBe(false);
    expect(seesNoPersonalData({ id: 'sup', roles: ['supervisor'] })).toBe(false);
    // No role at all is refused by the guard before; it is not a report consumer either.
    expect(seesNoPersonalData({ id: 'nobody', roles: [] })).toBe(false);
    expect(seesNoPersonalData(undefined)).toBe(false);
  });

  it('timeline steps that quote what staff wrote stop before the quote; the others stay as they are', () => {
    const entry = (type: string, description: string): TimelineEntry =>
      ({ position: 1, revision: 1, at: '2026-03-02T10:00:00-05:00', type, actorId: 'bo-beto', channel: 'internal', description, customerVisible: false }) as TimelineEntry;
    expect(timelineEntryWithoutFreeText(entry('CaseReturnedToAgent', 'Caso devuelto al asesor: Juan Pérez pide otra cosa')).description).toBe('Caso devuelto al asesor');
    expect(timelineEntryWithoutFreeText(entry('DeadlineExtended', 'Plazo ampliado 5 días hábiles: llamó al 300 123')).description).toBe('Plazo ampliado 5 días hábiles');
    expect(timelineEntryWithoutFreeText(entry('CaseTypified', 'Caso tipificado: billing / duplicate-charge')).description).toBe('Caso tipificado: billing / duplicate-charge');
    expect(WITHHELD).toBe('[withheld]');
  });
});
