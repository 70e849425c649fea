// The SDK cannot drift from the API: its committed generated files (the OpenAPI document and
// the types openapi-typescript makes of it) must be exactly what `npm run sdk:generate` would
// write from lib/http/openapi.ts now, and every operation must have a readable name.
// (That every route handler is in the document is checked against the served document in
// e2e/rest/openapi.spec.ts.)
import { expect, test } from "vitest";
import { API_OPERATIONS } from "@/lib/http/openapi";
import { SDK_NAMES, TAGS, tagFor } from "@/lib/http/openapi-sdk";
import { committedSdkFile, generatedSdkFiles } from "../scripts/sdk-generate";

test("the committed SDK files are what `npm run sdk:generate` writes from the document", async () => {
  const files = await generatedSdkFiles();
  expect(Object.keys(files).length).toBeGreaterThan(0);
  for (const [path, content] of Object.entries(files)) {
    expect(committedSdkFile(path), `${path} is out of date: run \`npm run sdk:generate\` and commit the result`).toBe(content);
  }
});

test("every documented operation has a readable operationId and a known section", () => {
  const unnamed = API_OPERATIONS.map((op) => `${op.method} ${op.path}`).filter((key) => !SDK_NAMES[key]);
  expect(unnamed, "add these to SDK_NAMES in lib/http/openapi-sdk.ts").toEqual([]);
  const ids = Object.values(SDK_NAMES).map((name) => name.id);
  expect(new Set(ids).size).toBe(ids.length);
  const tags = new Set(TAGS.map((tag) => tag.name));
  expect(API_OPERATIONS.filter((op) => !tags.has(tagFor(op.path))).map((op) => op.path)).toEqual([]);
});
