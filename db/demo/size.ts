// The bench's counts at a size: 1 is a busy office's ten years; the unit tests seed the bench at a
// small size so that a rule change that refuses what the bench generates fails `npm test`.

/** A bench count at a size: never below `min`, so every kind of entry still appears. */
export const sized = (n: number, size: number, min = 1) => Math.max(min, Math.round(n * size));
