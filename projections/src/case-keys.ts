import { caseIdOfStream } from '@app/domain';

/** Every case event but CaseFiled lacks a caseId in its data: it is the stream's id. */
export function caseIdOf(event: { streamId: string; caseId?: string }): string {
  return event.caseId ?? caseIdOfStream(event.streamId);
}

/** CaseFiled opens the case's stream: no document keyed by the case can be stored before it (`DocKey.created`). */
export function opensCase(event: { type: string }): boolean {
  return event.type === 'CaseFiled';
}
