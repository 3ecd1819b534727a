/** All "now" in the domain comes from a Clock, so tests, billing runs and test clocks can move time. */
export interface Clock {
  now(): Date;
}

/** A clock that stands still until told to move: for tests and simulations. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = new Date(to.getTime());
  }
  advanceSeconds(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}
