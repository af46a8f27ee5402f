import type * as C from './case.commands';
import type { CaseEvent } from './case.events';
import { CaseErrors } from './case.errors';
import type { FiledCase } from './case.state';

/**
 * Suppression (Ley 1581 de 2012): allowed in every status, once, and only for the case's own
 * petitioner. The key is destroyed outside the core; this records the fact on the case.
 */
export function erasePetitionerData(command: C.ErasePetitionerData, state: FiledCase): CaseEvent[] {
  if (state.petitionerId !== command.data.petitionerId) throw CaseErrors.otherPetitioner();
  if (state.petitionerErased) throw CaseErrors.petitionerAlreadyErased();
  return [
    {
      type: 'PetitionerDataErased',
      data: {
        petitionerId: command.data.petitionerId,
        withdrawnMessages: [...command.data.withdrawnMessages],
        erasedBy: command.actor.id,
        erasedAt: command.at,
      },
    },
  ];
}
