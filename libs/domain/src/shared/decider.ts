/** A decider: the pure core of an aggregate. No I/O, no clock: time and actor arrive in the command. */
export interface Decider<Command, Event, State> {
  initialState(): State;
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
}

/** Folds a history into the current state. */
export function foldEvents<Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
