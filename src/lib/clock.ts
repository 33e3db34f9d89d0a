/**
 * The hub's "now". Every time the domain and the job worker read is read from one clock, handed
 * in through the services' options, so that timestamps, leases, due times, tolerances and
 * overlaps agree with each other, and tests can move time instead of waiting for it.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
