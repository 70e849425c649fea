// The route a request matched, as its template (/api/v1/workspaces/[workspaceId]/tasks), for
// metric labels and log lines: a bounded set, never an id. Next.js gives route handlers the
// values of the dynamic segments in the order of the path; each is put back as its name,
// matched from the end of the path (a catch-all is always last, and an id that happens to
// equal a literal segment before it, like "api", is then still found in its own place).
type Params = Record<string, string | string[]>;

export function routeTemplate(pathname: string, params: Params = {}): string {
  const segments = pathname.split("/");
  const decoded = segments.map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  let before = segments.length;
  for (const [name, value] of Object.entries(params).reverse()) {
    const parts = Array.isArray(value) ? value : [value];
    const at = lastSequence(decoded, parts, before);
    if (at === -1) continue;
    segments.splice(at, parts.length, Array.isArray(value) ? `[...${name}]` : `[${name}]`);
    decoded.splice(at, parts.length, "");
    before = at;
  }
  return segments.join("/");
}

/** Where `needle` last starts in `haystack`, ending before index `before`; -1 when nowhere. */
function lastSequence(haystack: string[], needle: string[], before: number): number {
  if (needle.length === 0) return -1;
  for (let i = before - needle.length; i >= 1; i--) {
    if (needle.every((part, j) => haystack[i + j] === part)) return i;
  }
  return -1;
}
