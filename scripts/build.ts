// `npm run build`: builds the app now if its build is missing or stale (scripts/next-build.ts),
// e.g. while making a deployment image, so that the first `npm start` does not build.
import { ensureBuild } from "./next-build";

ensureBuild();
