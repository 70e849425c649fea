// Reading the REST API from the dashboard's client components: same-origin GETs carry the
// session cookie, so no token is needed. Paths always name the workspace the page was rendered
// for, never `current`, so a tab opened before a workspace switch keeps reading its own.
class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RestError";
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { credentials: "same-origin", headers: { Accept: "application/json" }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new RestError(0, "The server could not be reached. Check your connection and try again.");
  }
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
  if (!response.ok) {
    const message = typeof body?.message === "string" ? body.message : `The server answered ${response.status}.`;
    throw new RestError(response.status, message);
  }
  return body as T;
}

export const workspacePath = (workspaceId: string, rest: string) => `/workspaces/${encodeURIComponent(workspaceId)}${rest}`;
