import Link from "next/link";

export const metadata = { title: "Signed out" };

export default function SignedOutPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 p-6">
      <h1 className="text-2xl font-semibold">You are signed out</h1>
      <p className="text-zinc-600 dark:text-zinc-400">Your session in One has ended.</p>
      <Link
        href="/signin"
        className="self-start rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
      >
        Sign in again
      </Link>
    </main>
  );
}
