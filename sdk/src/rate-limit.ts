// The workspace's rate limit as the API reports it on every API-key response, 429 or not: the
// IETF `RateLimit-Policy` and `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers), e.g.
//   RateLimit-Policy: "burst";q=40;w=60, "quota";q=200;w=900
//   RateLimit: "burst";r=12;t=34, "quota";r=150;t=500
// read into numbers. Answers to OAuth tokens carry no such fields: `rateLimit` is then null.

export interface RateLimitPolicy {
  /** The policy's name, e.g. "burst" or "quota". */
  name: string;
  /** Requests allowed per window (`q`); null when RateLimit-Policy did not say. */
  limit: number | null;
  /** The window's length in seconds (`w`); null when RateLimit-Policy did not say. */
  windowSeconds: number | null;
  /** Requests still available in the current window (`r`). */
  remaining: number;
  /** Seconds until the current window ends (`t`). */
  resetSeconds: number;
}

export interface RateLimit {
  /** The tightest policy's remaining requests: what the next request may use. */
  remaining: number;
  /** Seconds until that policy's window ends. */
  resetSeconds: number;
  /** Every policy, as the API listed them. */
  policies: RateLimitPolicy[];
}

/** `"name";a=1;b=2, …` as a map from name to its integer parameters. */
function parseList(field: string | null): Map<string, Record<string, number>> {
  const items = new Map<string, Record<string, number>>();
  for (const item of field?.split(",") ?? []) {
    const [name, ...parameters] = item.trim().split(";");
    if (!name) continue;
    const values = Object.fromEntries(
      parameters.map((p) => p.trim().split("=") as [string, string]).filter(([, v]) => v !== undefined && /^\d+$/.test(v)),
    );
    items.set(name.replace(/^"|"$/g, ""), Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)])));
  }
  return items;
}

/** The rate limit of an answer, or null when it has no RateLimit field. */
export function rateLimitOf(headers: Headers): RateLimit | null {
  const current = parseList(headers.get("ratelimit"));
  const declared = parseList(headers.get("ratelimit-policy"));
  const policies: RateLimitPolicy[] = [];
  for (const [name, { r, t }] of current) {
    if (r === undefined || t === undefined) continue;
    const policy = declared.get(name);
    policies.push({ name, limit: policy?.q ?? null, windowSeconds: policy?.w ?? null, remaining: r, resetSeconds: t });
  }
  if (policies.length === 0) return null;
  const tightest = policies.reduce((a, b) =>
    b.remaining < a.remaining || (b.remaining === a.remaining && b.resetSeconds > a.resetSeconds) ? b : a,
  );
  return { remaining: tightest.remaining, resetSeconds: tightest.resetSeconds, policies };
}
