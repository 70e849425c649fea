// Reads a request body as bytes, refusing it (413) as soon as it passes `maxBytes`: counted while
// reading, so a missing or lying Content-Length does not help. For endpoints that need the raw
// bytes (a signature over them), and the JSON readers built on it (lib/http/body.ts for the REST API).
import { AppError } from "@/lib/errors";

export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new AppError("payload_too_large", `The body is larger than ${formatBytes(maxBytes)}.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/** Whether the request says its body is JSON (application/json or application/…+json). */
const isJsonContentType = (request: Request) =>
  /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(request.headers.get("content-type") ?? "");

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`);

/** A JSON body of at most `maxBytes`: 415 unless sent as JSON, 413 when larger, 400 when not JSON. */
export async function readJsonValue(request: Request, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(request)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new AppError("invalid_input", "The body is not valid JSON.");
  }
}
