// The SDK cannot drift from the API: its committed generated files (the OpenAPI document, the
// types openapi-typescript makes of it, and the classes made from the operation table) must be
// exactly what `npm run sdk:generate` would write from lib/http/operations.ts now, and every
// operation must have a unique readable name. (That every route handler is in the document is
// checked against the served document in e2e/rest/openapi.spec.ts.)
import { expect, test } from "vitest";
import { TAGS, tagFor } from "@/lib/http/openapi-sdk";
import { API_OPERATIONS } from "@/lib/http/operations";
import { committedSdkFile, generatedSdkFiles } from "../scripts/sdk-generate";

test("the committed SDK files are what `npm run sdk:generate` writes from the operation table", async () => {
  const files = await generatedSdkFiles();
  expect(Object.keys(files).length).toBeGreaterThan(0);
  for (const [path, content] of Object.entries(files)) {
    expect(committedSdkFile(path), `${path} is out of date: run \`npm run sdk:generate\` and commit the result`).toBe(content);
  }
});

test("every operation has a unique operationId, a known section, and an SDK name exactly when its section is in the SDK", () => {
  const ids = API_OPERATIONS.map((op) => op.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
  const tags = new Set(TAGS.map((tag) => tag.name));
  expect(API_OPERATIONS.filter((op) => !tags.has(tagFor(op.path))).map((op) => op.path)).toEqual([]);

  const inSdkSection = (path: string) => !!TAGS.find((tag) => tag.name === tagFor(path))?.sdk;
  expect(API_OPERATIONS.filter((op) => inSdkSection(op.path) !== !!op.sdk).map((op) => op.id)).toEqual([]);
  const resourceMethods = API_OPERATIONS.filter((op) => op.sdk).map((op) => `${tagFor(op.path)}.${op.sdk}`);
  expect(new Set(resourceMethods).size).toBe(resourceMethods.length);
});
