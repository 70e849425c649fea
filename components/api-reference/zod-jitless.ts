// Imported before @scalar/*: zod (which the viewer validates its configuration with) would
// otherwise compile validators with `new Function`, which our Content-Security-Policy forbids.
import { z } from "zod";

z.config({ jitless: true });
