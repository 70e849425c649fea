// The OpenAPI document is valid OpenAPI 3.1 and lists every route the app serves under /api/v1.
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { call } from "./callers";

/** Methods each app/api/v1 route file serves (`export const X = apiRoute(…)`), as OpenAPI paths. */
function servedRoutes(): string[] {
  const root = "app/api/v1";
  const routes: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts" && !full.includes("[...")) {
        const source = readFileSync(full, "utf8");
        // A route file that serves one fixed value of its dynamic segment says so: `// documented as /workspaces/current`.
        const apiPath = /\/\/ documented as (\S+)/.exec(source)?.[1] ?? "/" + path.relative(root, dir).replace(/\[(\w+)\]/g, "{$1}");
        for (const [, method] of source.matchAll(
          /export (?:async )?(?:const|function) (GET|POST|PUT|PATCH|DELETE)\b(?! *=\s*methodsNotAllowed)/g,
        )) {
          routes.push(`${method!.toLowerCase()} ${apiPath}`);
        }
      }
    }
  };
  walk(root);
  return routes.sort();
}

test("GET /api/v1/openapi.json is a valid OpenAPI 3.1 document", async () => {
  const { status, body } = await call("GET", "/openapi.json");
  const validator = new Validator();
  const result = await validator.validate(body as Parameters<Validator["validate"]>[0]);
  expect({ status, openapi: body.openapi, valid: result.valid, errors: result.errors ?? [] }).toEqual({
    status: 200,
    openapi: "3.1.0",
    valid: true,
    errors: [],
  });
});

test("the document lists every route the app serves, and nothing else", async () => {
  const { body } = await call("GET", "/openapi.json");
  const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
    .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`))
    .sort();
  expect(documented).toEqual(servedRoutes());
});

test("the document describes the bearer scheme and the error shape", async () => {
  const { body } = await call("GET", "/openapi.json");
  const components = body.components as { securitySchemes: Record<string, { scheme: string }>; responses: Record<string, unknown> };
  expect({ scheme: components.securitySchemes.bearer?.scheme, has429: "E429" in components.responses }).toEqual({
    scheme: "bearer",
    has429: true,
  });
});
