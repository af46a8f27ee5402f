import { Clock } from './clock';

/** A clock the test moves by hand (`AppModule.register({ clock })`): tests move time instead of sleeping. */
export class ManualClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: string): void {
    this.current = new Date(instant);
  }
}
