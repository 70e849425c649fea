// The request being served, for every log line written while serving it. Kept on globalThis
// because Next.js bundles each route separately: one store for the whole process.
import { AsyncLocalStorage } from "node:async_hooks";

type RequestContext = { requestId: string };

const globalForContext = globalThis as unknown as { oneRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.oneRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function withRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
