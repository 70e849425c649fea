// Zod's settings, imported before any module that builds schemas the browser also runs. Building
// the first object schema, zod probes whether it may compile parsers with `new Function`; our
// Content-Security-Policy forbids eval, so in the browser the probe is refused and Chrome
// reports a CSP violation (console and issues panel) on every page that validates on the client.
// `jitless` skips the probe and the compiled parsers, which the browser could not use anyway.
// The server has no CSP and keeps them.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
