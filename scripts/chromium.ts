// The browser the e2e tests and the Lighthouse runs drive: Debian's Chromium when present (these
// machines cannot download Playwright's), with the flags that keep a headless Chromium quiet: no
// GPU, and no background traffic that would try to leave the machine.
import { existsSync } from "node:fs";

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export const CHROMIUM_ARGS = [
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
