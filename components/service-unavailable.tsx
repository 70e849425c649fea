// What a dashboard page shows while the database cannot be reached or does not answer.
export function ServiceUnavailable({ message, retryHref }: { message: string; retryHref: string }) {
  return (
    <section className="max-w-xl" aria-labelledby="service-unavailable">
      <h1 id="service-unavailable" className="text-2xl font-semibold">
        Briefly unavailable
      </h1>
      <p role="alert" className="mt-3 text-zinc-600 dark:text-zinc-400">
        {message}
      </p>
      <a
        href={retryHref}
        className="mt-4 inline-block rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        Try again
      </a>
    </section>
  );
}
