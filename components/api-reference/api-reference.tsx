"use client";
// The API reference viewer (Scalar), bundled with the app: it renders /api/v1/openapi.json,
// the same document the SDK's types are generated from, with the SDK and curl examples the
// document carries (`x-codeSamples`). Nothing is loaded from elsewhere: no default fonts, and
// the AI agent, MCP, developer tools and telemetry are off. Two accessibility fixes on top:
// colours with enough contrast (api-reference.css) and names for its icon-only copy buttons.
import "@/lib/zod-config"; // first: before @scalar/* builds its zod schemas
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import "./api-reference.css";
import { useEffect, useRef } from "react";

export function ApiReference() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const nameCopyButtons = () => {
      for (const button of root.querySelectorAll("button.scalar-code-copy:not([aria-label])"))
        button.setAttribute("aria-label", "Copy code");
    };
    nameCopyButtons();
    const observer = new MutationObserver(nameCopyButtons);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={container}>
      <ApiReferenceReact
        configuration={{
          url: "/api/v1/openapi.json",
          withDefaultFonts: false,
          agent: { disabled: true },
          mcp: { disabled: true },
          showDeveloperTools: "never",
          telemetry: false,
          hiddenClients: true,
          hideClientButton: true,
          defaultOpenAllTags: true,
        }}
      />
    </div>
  );
}
