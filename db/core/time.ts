// The core's clock. The Shanghai formatting is shared with the renderer (contract/time); what is
// core-only is *which* now: the injected clock, so tests and the CI's pinned run decide the hour.
export { addDays, backEnteredOn, shanghaiDate, shanghaiDateOf, shanghaiMinute, shanghaiYear, toShanghaiIso } from '../contract/time';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, and the demo seeder's "today"). */
export const fixedClock = (at: Date | string): Clock => {
  const t = typeof at === 'string' ? new Date(at) : at;
  return { now: () => new Date(t.getTime()) };
};

/**
 * How far ahead of the workstation's clock a time the user gives may be (the car leaves "now", the
 * form was signed a moment ago on a watch that runs fast). One allowance for every register.
 */
export const FUTURE_SLACK_MS = 5 * 60_000;
