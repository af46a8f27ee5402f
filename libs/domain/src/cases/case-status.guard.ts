import type * as C from './case.commands';
import { CaseErrors } from './case.errors';
import type { CaseStatus, FiledCase } from './case.state';

/** Refuses a command the case's current status does not allow (409 CASE.WRONG_STATUS). */
export function requireStatus<S extends CaseStatus>(
  state: FiledCase,
  allowed: readonly S[],
  command: C.CaseCommand,
): asserts state is Extract<FiledCase, { status: S }> {
  if (!(allowed as readonly CaseStatus[]).includes(state.status)) throw CaseErrors.wrongStatus(command.type, state.status);
}
