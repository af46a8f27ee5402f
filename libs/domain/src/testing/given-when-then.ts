import type { Decider } from '../shared/decider';
import { foldEvents } from '../shared/decider';
import { DomainError } from '../shared/domain-error';

/**
 * Reads a decider spec as given / when / then:
 * `spec.given(history).when(command).then(events)` or `.thenFails('CASE.WRONG_STATUS')`.
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
            },
          };
        },
      };
    },
  };
}
