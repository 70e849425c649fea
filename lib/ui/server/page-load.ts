// How dashboard pages and layouts load their data: an outage of the database becomes a page
// that says so (and that nothing changed) instead of the framework's error page. Redirects
// (to sign-in) and other control flow of Next.js pass through; real bugs still throw.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { normaliseError } from "@/lib/errors";

export type PageLoad<T> = { ok: true; data: T } | { ok: false; message: string };

export async function loadPage<T>(load: () => Promise<T>): Promise<PageLoad<T>> {
  try {
    return { ok: true, data: await load() };
  } catch (error) {
    unstable_rethrow(error);
    const normalised = normaliseError(error, "Page");
    if (normalised.code === "unavailable") return { ok: false, message: normalised.message };
    throw error;
  }
}
