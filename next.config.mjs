// Next.js configuration. Static security headers go on every response here; the
// Content-Security-Policy with its per-request nonce is set in proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Server-only packages: keep them out of the bundler.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "nodemailer"],
  // Metadata in the document's <head> for everyone. By default Next.js streams the result of an
  // async generateMetadata (a key's page names the key in its title) into the <body> after the
  // page's shell, title and description included, where tools that read the head (Lighthouse's
  // SEO audit, link previews) miss them depending on timing. Only pages with an async
  // generateMetadata wait for it; that page loads the same key for its content anyway.
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
