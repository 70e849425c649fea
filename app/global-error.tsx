"use client";
// A fault in the root layout itself: this replaces the whole document, so it brings its own
// <html>, <body> and styles, and shows the product's header and the same notice.
import { FaultNotice } from "@/components/fault-notice";
import { ProductFrame } from "@/components/product-frame";
import "./globals.css";

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · One</title>
      </head>
      <body className="min-h-screen bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <ProductFrame>
          <FaultNotice error={error} retry={retry} />
        </ProductFrame>
      </body>
    </html>
  );
}
