/** Only same-site paths are valid places to return to after sign-in (no open redirects). */
export function safeReturnTo(value: string | null | undefined, fallback = "/settings/developer/api-keys"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
