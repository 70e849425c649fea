export function NoWorkspace({ email }: { email: string }) {
  return (
    <section className="max-w-xl">
      <h1 className="text-2xl font-semibold">You are not in a workspace yet</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">
        You are signed in as <strong className="font-medium text-zinc-900 dark:text-zinc-100">{email}</strong>, but this account is not a
        member of any workspace, so there are no API keys to show. Ask an owner or admin of your workspace to add this email address, then
        sign in again.
      </p>
    </section>
  );
}
