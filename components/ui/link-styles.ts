// The look of text links (kept out of client modules so server components can use it too).
export const linkClass =
  "font-medium text-blue-700 underline underline-offset-2 hover:text-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400 dark:hover:text-blue-300";

export const keyHref = (keyId: string) => `/settings/developer/api-keys/${encodeURIComponent(keyId)}`;
