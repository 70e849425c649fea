// Small statistics shared by the benchmarks.
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;

/** Milliseconds since a process.hrtime.bigint() reading. */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export const round = (value: number, digits = 2) => +value.toFixed(digits);
