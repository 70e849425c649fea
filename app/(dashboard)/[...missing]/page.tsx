// Any path no page serves, answered inside the dashboard's shell (header, switcher, Settings
// navigation) with HTTP 404, so a mistyped or outdated link leaves the person one click from
// where they meant to go. More specific routes (pages, /api, /docs/api, /signin) always win.
import { notFound } from "next/navigation";

export default function MissingPage(): never {
  notFound();
}
