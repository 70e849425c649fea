#!/usr/bin/env node
// The `one` command. Its code is TypeScript in src/, built into dist/ by `npm install`
// (or `npm run build:packages` at the repository root).
import { main } from "../dist/main.js";

process.exitCode = await main(process.argv.slice(2));
