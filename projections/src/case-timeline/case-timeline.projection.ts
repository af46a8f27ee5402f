import { CASE_EVENT_TYPES, ERASED_MARK } from '@app/domain';
import type { ResponseOutcome } from '@app/domain';
import { caseIdOf, opensCase } from '../case-keys';
import { defineProjection, ProjectionEvent } from '../projection';
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
  /** What the customer was answered, oldest first (a resolution at first line too): the tracking page shows the texts. */
  responses: CustomerResponse[];
}

/** A response the customer was sent; the body reads [erased] once the petitioner's data was erased. */
export interface CustomerResponse {
  at: string;
  body: string;
  outcome: ResponseOutcome;
}

export const caseTimelineProjection = defineProjection<{ timeline: CaseTimeline }>({
  name: 'case-timeline',
  /**
   * 2: no status and no case state in the document (ADR 16). 3: reasons quoted read [erased] after PetitionerDataErased.
   * 4: the responses' texts (the customer's tracking page).
   */
  version: 4,
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
        responses: [],
      };
      return { timeline: filed };
    }
    // Named fields, no spread of the timeline (ADR 16).
    const next: CaseTimeline = {
      caseId: current.caseId,
      filingNumber: current.filingNumber,
      verificationCodeHash: current.verificationCodeHash,
      entries: [...(event.type === 'PetitionerDataErased' ? current.entries.map(withoutPersonalText) : current.entries), timelineEntryOf(event)],
      responses: responsesAfter(current.responses, event),
    };
    return { timeline: next };
  },
});

/** The responses after the event: one more for a response or a resolution at first line; every body [erased] after an erasure (as a replay reads them). */
function responsesAfter(responses: CustomerResponse[], event: ProjectionEvent): CustomerResponse[] {
  switch (event.type) {
    case 'ResponseSent':
      return [...responses, { at: event.data.respondedAt, body: event.data.body, outcome: event.data.outcome }];
    case 'CaseResolvedAtFirstLine':
      return [...responses, { at: event.data.resolvedAt, body: event.data.resolution, outcome: 'resolved' }];
    case 'PetitionerDataErased':
      return responses.map((response) => ({ at: response.at, body: ERASED_MARK, outcome: response.outcome }));
    default:
      return responses;
  }
}
