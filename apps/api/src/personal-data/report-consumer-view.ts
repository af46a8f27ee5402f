import type { Actor, CaseEvent } from '@app/domain';
import type { TimelineEntry } from '@app/projections';
import type { PublicCaseView } from '../queries/case-view/case-view.queries';

/** What stands where a report consumer is not shown personal data or free text. */
export const WITHHELD = '[withheld]';

/**
 * A report consumer sees no personal data (DOMAIN.md, Personal data): a caller whose only staff
 * role is `reporter`. Anyone holding another role as well reads as that role.
 */
export function seesNoPersonalData(actor: Actor | undefined): boolean {
  return !!actor && actor.roles.length > 0 && actor.roles.every((role) => role === 'reporter');
}

const withheld = (value: unknown) => (value === null || value === undefined ? value : WITHHELD);
const keep = 'keep' as const;

/**
 * Every field of the staff case view, classified: kept as it is, or replaced. Typed over every key
 * (optional ones included), so a field added to the view does not compile until it is classified here.
 */
const CASE_VIEW_FIELDS: { [K in keyof Required<PublicCaseView>]: typeof keep | ((value: PublicCaseView[K]) => PublicCaseView[K]) } = {
  caseId: keep,
  filingNumber: keep,
  status: keep,
  kind: keep,
  typology: keep,
  motive: keep,
  channel: keep,
  subject: () => WITHHELD,
  facts: () => WITHHELD,
  request: () => WITHHELD,
  // How many, of which type and size; not their names (`cedula-1020304050.pdf`).
  attachments: (attachments) => attachments.map((attachment) => ({ ...(attachment as object), name: WITHHELD })),
  relatedFilingNumber: keep,
  petitionerId: keep,
  petitioner: () => ({ fullName: WITHHELD, documentType: WITHHELD, documentNumber: WITHHELD, email: WITHHELD }),
  consent: keep,
  filedBy: keep,
  filedAt: keep,
  typifiedBy: keep,
  assigneeId: keep,
  legalTermDays: keep,
  dueAt: keep,
  extendedBusinessDays: keep,
  returnedTo: keep,
  returnReason: (value) => withheld(value) as string | null,
  informationRequested: (value) => withheld(value) as string | null,
  lastResponse: keep,
  counterReplyDeadline: keep,
  firstLineResolution: (value) => withheld(value) as string | null,
  transfer: (transfer) => transfer && { ...transfer, reason: WITHHELD },
  closeReason: (value) => withheld(value) as string | null,
  overdue: keep,
  withdrawnAt: keep,
  survey: (survey) => survey && { ...survey, comment: withheld(survey.comment) as string | null },
  qualityReviews: keep,
  // Codes only (no free text about the petitioner).
  priority: keep,
  urgencyReason: keep,
  revision: keep,
  updatedAt: keep,
  nextDeadline: keep,
  transferDueAt: keep,
  paused: keep,
  legalClock: keep,
};

/** The case as a report consumer reads it: the pseudonymous `petitionerId`, no petitioner, no free text. A field not classified is left out. */
export function caseViewWithoutPersonalData(view: PublicCaseView): PublicCaseView {
  const masked: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(view)) {
    const rule = (CASE_VIEW_FIELDS as Record<string, typeof keep | ((value: unknown) => unknown)>)[field];
    if (rule === keep) masked[field] = value;
    else if (rule) masked[field] = rule(value);
  }
  return masked as PublicCaseView;
}

/** Timeline entries whose description quotes what staff wrote (`Caso devuelto al asesor: <reason>`): the quote is cut. */
const QUOTING_ENTRIES = new Set(['CaseReturnedToAgent', 'DeadlineExtended']);

export function timelineEntryWithoutFreeText<E extends TimelineEntry>(entry: E): E {
  if (!QUOTING_ENTRIES.has(entry.type)) return entry;
  const quote = entry.description.indexOf(':');
  return { ...entry, description: quote < 0 ? entry.description : entry.description.slice(0, quote) };
}

/** For the deadline explanation: the one free text it quotes, the reason of an extension, withheld before the fold reads it. */
export function eventWithoutFreeText(event: CaseEvent): CaseEvent {
  if (event.type !== 'DeadlineExtended') return event;
  return { ...event, data: { ...event.data, reason: WITHHELD } } as CaseEvent;
}
