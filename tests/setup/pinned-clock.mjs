// The unit suite at any hour (issue 23): with OFFICE_TEST_NOW set (an instant with offset, e.g.
// 2027-01-01T00:30:00+08:00), this process and every Node process it starts (the CLI, the crash
// writer) live from that instant on: `new Date()` and `Date.now()` start there and tick on, as under
// libfaketime. CI runs the unit suite once more this way, so a test that passes only at some hours
// of the day, or only outside the first days of January, cannot land.
// Loaded by vitest (setupFiles) and, through NODE_OPTIONS, by child processes. Plain JS on purpose.
const at = process.env.OFFICE_TEST_NOW;
if (at && !globalThis.__officePinnedClock) {
  const pinned = Date.parse(at);
  if (Number.isNaN(pinned)) throw new Error(`OFFICE_TEST_NOW is not an instant: ${at}`);
  const RealDate = Date;
  const offset = pinned - RealDate.now();
  const now = () => RealDate.now() + offset;
  class PinnedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(now());
      else super(...args);
    }
    static now() {
      return now();
    }
  }
  // Called as a function, Date() gives the current time as text.
  globalThis.Date = new Proxy(PinnedDate, { apply: () => new RealDate(now()).toString() });
  globalThis.__officePinnedClock = true;
  const self = new URL(import.meta.url).href;
  if (!(process.env.NODE_OPTIONS ?? '').includes(self)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${self}`.trim();
}
