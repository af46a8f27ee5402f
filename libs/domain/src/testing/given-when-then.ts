import type { Decider } from '../shared/decider';
import { foldEvents } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { CASE_COMMAND_ERRORS, caseCommandErrorCodes } from '../cases/case-command-errors';

/**
 * Reads a decider spec as given / when / then:
 * `spec.given(history).when(command).then(events)` or `.thenFails('CASE.WRONG_STATUS')`. A case
 * command's failure must be one CASE_COMMAND_ERRORS lists for it (the API documents its errors from that list).
 */
export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, foldEvents(decider, history));
          return {
            then(expected: Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenEmits(): Event[] {
              return run();
            },
            thenFails(code: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
              expectDeclared(command, code);
            },
          };
        },
      };
    },
  };
}

function expectDeclared(command: unknown, code: string): void {
  const type = (command as { type?: unknown }).type;
  if (typeof type !== 'string' || !(type in CASE_COMMAND_ERRORS)) return;
  expect({ command: type, code, declared: caseCommandErrorCodes(type as keyof typeof CASE_COMMAND_ERRORS).includes(code) }).toEqual({ command: type, code, declared: true });
}
