/** Ids in URLs: anything that cannot be one of ours is simply not found (never a 500). */
export const isPlausibleId = (value: unknown): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value);
