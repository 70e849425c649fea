// The API reference as plain HTML from the server: every operation of the OpenAPI document with
// its parameters, body, responses and the SDK and curl examples the document carries. It is
// the page's first (and, without script, only) view: readable at once on a phone, no layout
// shift, no script to run. The interactive viewer (interactive-viewer.tsx) replaces it on request.
import Link from "next/link";
import { resolve, shortName, typeLabel, type Operation, type ReferenceDocument } from "./document";

const METHOD_STYLES: Record<Operation["method"], string> = {
  get: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  post: "bg-sky-50 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  put: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  delete: "bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-300",
};
const MUTED = "text-zinc-600 dark:text-zinc-400";
const CODE = "rounded bg-zinc-100 px-1 font-mono text-[0.9em] dark:bg-zinc-800";

/** Text with `inline code` (the document's descriptions use backticks and nothing else). */
function Prose({ text, className }: { text?: string; className?: string }) {
  if (!text) return null;
  return (
    <p className={className}>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className={CODE}>
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function Method({ method }: { method: Operation["method"] }) {
  return <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLES[method]}`}>{method}</span>;
}

function Fields({ caption, rows }: { caption: string; rows: { name: string; type: string; required: boolean; description?: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="mt-4">
      <h4 className="text-sm font-semibold">{caption}</h4>
      <dl className="mt-1 divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {rows.map((row) => (
          <div key={row.name} className="py-2">
            <dt className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono font-semibold">{row.name}</code>
              <span className={`font-mono text-xs ${MUTED}`}>{row.type}</span>
              {row.required && <span className="text-xs font-medium text-red-800 dark:text-red-300">required</span>}
            </dt>
            {row.description && (
              <dd>
                <Prose text={row.description} className={MUTED} />
              </dd>
            )}
          </div>
        ))}
      </dl>
    </div>
  );
}

/** The properties of an object schema (after `$ref`), as rows. */
function properties(document: ReferenceDocument, schema: Record<string, unknown> | undefined) {
  if (!schema) return [];
  const object = resolve(document, schema);
  const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : []);
  return Object.entries((object.properties ?? {}) as Record<string, Record<string, unknown>>).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    required: required.has(name),
    description: typeof property.description === "string" ? property.description : undefined,
  }));
}

function OperationSection({ document, operation }: { document: ReferenceDocument; operation: Operation }) {
  const headingId = `${operation.operationId}-heading`;
  const body = operation.requestBody?.content["application/json"]?.schema;
  const responses = Object.entries(operation.responses).map(([status, response]) => {
    const resolved = "$ref" in response ? document.components.responses[response.$ref.split("/").at(-1)!] : response;
    const schema = "content" in response ? response.content?.["application/json"]?.schema : undefined;
    return { status, description: resolved?.description, schema };
  });
  const success = responses.find((response) => response.status.startsWith("2") && response.schema);
  return (
    <section
      id={operation.operationId}
      aria-labelledby={headingId}
      className="scroll-mt-4 border-t border-zinc-200 py-8 dark:border-zinc-800"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        {operation.summary}
      </h3>
      <p className="mt-2 flex flex-wrap items-center gap-2">
        <Method method={operation.method} />
        <code className="font-mono text-sm break-all">{operation.path}</code>
      </p>
      <Prose text={operation.description} className={`mt-2 text-sm ${MUTED}`} />
      <Fields
        caption="Parameters"
        rows={operation.parameters.map((parameter) => ({
          name: parameter.name,
          type: `${typeLabel(parameter.schema)}, in ${parameter.in}`,
          required: parameter.required ?? false,
          description: parameter.description,
        }))}
      />
      {body && <Fields caption={`Body: ${typeLabel(body)}`} rows={properties(document, body)} />}
      {success && (
        <Fields caption={`Response ${success.status}: ${typeLabel(success.schema)}`} rows={properties(document, success.schema)} />
      )}
      <div className="mt-4">
        <h4 className="text-sm font-semibold">Responses</h4>
        <ul className="mt-1 text-sm">
          {responses.map((response) => (
            <li key={response.status}>
              <code className="font-mono font-semibold">{response.status}</code> <span className={MUTED}>{response.description}</span>
            </li>
          ))}
        </ul>
      </div>
      {operation["x-codeSamples"].map((sample) => (
        <figure key={sample.label} className="mt-4">
          <figcaption className="text-sm font-semibold">{sample.label === "SDK" ? "SDK (TypeScript)" : sample.label}</figcaption>
          <pre
            tabIndex={0}
            className="mt-1 overflow-x-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-900"
          >
            <code>{sample.source}</code>
          </pre>
        </figure>
      ))}
    </section>
  );
}

export function StaticReference({ document }: { document: ReferenceDocument }) {
  return (
    <div className="mx-auto max-w-6xl gap-10 px-4 py-8 sm:px-6 lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <nav aria-label="Operations" className="text-sm lg:sticky lg:top-0 lg:max-h-screen lg:overflow-y-auto lg:py-2">
        <Link
          href="/settings/developer/api-keys"
          prefetch={false}
          className="mb-4 inline-block font-medium text-blue-700 underline dark:text-blue-400"
        >
          <span aria-hidden="true">← </span>Back to the dashboard
        </Link>
        {/* On a phone only the sections, in a row; the operations too beside the content on a wide screen. */}
        <ul className="flex flex-wrap gap-x-4 gap-y-2 lg:block lg:space-y-4">
          {document.groups.map((group) => (
            <li key={group.name}>
              <a href={`#${slug(group.name)}`} className="font-semibold hover:underline">
                {group.name}
              </a>
              <ul className="mt-1 hidden space-y-1 lg:block">
                {group.operations.map((operation) => (
                  <li key={operation.operationId}>
                    <a href={`#${operation.operationId}`} className={`flex items-baseline gap-2 hover:underline ${MUTED}`}>
                      <span className="w-12 shrink-0 font-mono text-xs uppercase">{operation.method}</span>
                      <span>{shortName(operation.operationId)}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <main className="mt-8 min-w-0 lg:mt-0">
        <h1 className="text-3xl font-semibold">{document.info.title}</h1>
        <p className={`mt-1 text-sm ${MUTED}`}>
          Version {document.info.version}
          {document.servers[0] && (
            <>
              {" · "}base URL <code className={CODE}>{document.servers[0].url}</code>
            </>
          )}
          {" · "}
          <a href="/api/v1/openapi.json" className="underline">
            OpenAPI document
          </a>
        </p>
        <Prose text={document.info.description} className="mt-4 max-w-prose" />
        {document.groups.map((group) => (
          <section key={group.name} id={slug(group.name)} aria-labelledby={`${slug(group.name)}-heading`} className="mt-10">
            <h2 id={`${slug(group.name)}-heading`} className="text-2xl font-semibold">
              {group.name}
            </h2>
            <Prose text={group.description} className={`mt-1 ${MUTED}`} />
            {group.operations.map((operation) => (
              <OperationSection key={operation.operationId} document={document} operation={operation} />
            ))}
          </section>
        ))}
      </main>
    </div>
  );
}

const slug = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
