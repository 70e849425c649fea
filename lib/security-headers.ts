// The Content-Security-Policy of our pages. It carries a fresh nonce per page view (proxy.ts),
// which Next.js puts on its own scripts, so no other script can run. The static security
// headers for every response are in next.config.mjs.

// Next's development server (`npm run dev`) is the one exception: React needs eval() there for
// its debugging features, as Next.js' own CSP guide says; a production build never allows it.
const DEV_EVAL = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";

export function contentSecurityPolicy(nonce: string, secure: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${DEV_EVAL}`,
    // React renders style attributes and the toast library injects a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
