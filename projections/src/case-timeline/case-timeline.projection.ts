import { CASE_EVENT_TYPES } from '@app/domain';
import { caseIdOf, opensCase } from '../case-keys';
import { defineProjection } from '../projection';
import { hashVerificationCode } from '../verification-code';
import { TimelineEntry, timelineEntryOf, withoutPersonalText } from './timeline-entry';

export const TIMELINES_COLLECTION = 'timelines';

/**
 * Every step of one case, for staff (`GET /cases/:id/timeline`) and, filtered, for the customer.
 * The case's status is the case view's: the timeline does not fold the case state (ADR 16).
 */
export interface CaseTimeline {
  caseId: string;
  filingNumber: string;
  verificationCodeHash: string;
  entries: TimelineEntry[];
}

export const caseTimelineProjection = defineProjection<{ timeline: CaseTimeline }>({
  name: 'case-timeline',
  /** 2: no status and no case state in the document (ADR 16). 3: reasons quoted read [erased] after PetitionerDataErased. */
  version: 3,
  collections: [{ name: TIMELINES_COLLECTION, indexes: [{ fields: ['filingNumber'], unique: true }] }],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => ({ timeline: { collection: TIMELINES_COLLECTION, id: caseIdOf(event), created: opensCase(event) } }),
  evolve: ({ timeline: current }, event) => {
    if (!current) {
      if (event.type !== 'CaseFiled') return {};
      const filed: CaseTimeline = {
        caseId: caseIdOf(event),
        filingNumber: event.data.filingNumber,
        verificationCodeHash: hashVerificationCode(event.data.verificationCode),
        entries: [timelineEntryOf(event)],
      };
      return { timeline: filed };
    }
    // Named fields, no spread of the timeline (ADR 16).
    const next: CaseTimeline = {
      caseId: current.caseId,
      filingNumber: current.filingNumber,
      verificationCodeHash: current.verificationCodeHash,
      entries: [...(event.type === 'PetitionerDataErased' ? current.entries.map(withoutPersonalText) : current.entries), timelineEntryOf(event)],
    };
    return { timeline: next };
  },
});
