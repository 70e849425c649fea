// Shared looks of our dialogs (Radix Dialog / AlertDialog provide focus trap, Escape,
// labelling and focus return).
export const overlayClass = "fixed inset-0 z-40 bg-black/50 backdrop-blur-[1px]";
export const contentClass =
  "fixed top-1/2 left-1/2 z-50 w-[min(92vw,36rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-zinc-200 bg-white p-6 shadow-xl focus:outline-none dark:border-zinc-800 dark:bg-zinc-900";
export const titleClass = "text-lg font-semibold";
export const descriptionClass = "mt-2 text-sm text-zinc-600 dark:text-zinc-400";
