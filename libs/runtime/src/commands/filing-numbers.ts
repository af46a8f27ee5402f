import { Inject, Injectable } from '@nestjs/common';
import { BusinessCalendar } from '@app/domain';
import type { CaseEvent } from '@app/domain';
import { SEQUENCE_ALLOCATOR, SequenceAllocator } from '@app/event-store';

/** What a filing carries until the command path numbers it. */
export const UNNUMBERED = 'unnumbered';

/**
 * Filing numbers (`YYYY-NNNNNN`, unique and increasing within the filing's year in Bogotá) come from a
 * sequence outside the core, and a filing the decider refuses must not use one up. So a filing is
 * decided `UNNUMBERED`, once, and the command path numbers the decided CaseFiled just before
 * appending it — the only event that carries the number. A filing sent with a number keeps it.
 */
@Injectable()
export class FilingNumbers {
  constructor(
    @Inject(SEQUENCE_ALLOCATOR) private readonly sequences: SequenceAllocator,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** The decided events, their unnumbered CaseFiled (if any) with a number of its own. */
  async number(events: CaseEvent[]): Promise<CaseEvent[]> {
    const filed = events.find((event) => event.type === 'CaseFiled');
    if (filed?.type !== 'CaseFiled' || filed.data.filingNumber !== UNNUMBERED) return events;
    const filingNumber = await this.allocate(filed.data.filedAt);
    return events.map((event) => (event === filed ? { ...filed, data: { ...filed.data, filingNumber } } : event));
  }

  private async allocate(filedAt: string): Promise<string> {
    const year = this.calendar.localDate(filedAt).slice(0, 4);
    const next = await this.sequences.next(`filing-${year}`);
    return `${year}-${String(next).padStart(6, '0')}`;
  }
}
