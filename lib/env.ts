// Whole-number settings from the environment, read on every call (not once at import) so that a
// process or a test that sets them before use gets them; the cost is a string parse.
export function envInteger(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}".`);
  }
  return value;
}
