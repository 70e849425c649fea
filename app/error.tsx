"use client";
// A fault nobody foresaw outside a dashboard page, or in the dashboard's shell itself: the
// product's header and the same notice, never the framework's page.
import { FaultNotice } from "@/components/fault-notice";
import { ProductFrame } from "@/components/product-frame";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ProductFrame>
      <FaultNotice error={error} retry={retry} />
    </ProductFrame>
  );
}
