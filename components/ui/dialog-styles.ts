// Shared looks of our dialogs (Radix Dialog / AlertDialog provide focus trap, Escape,
// labelling and focus return). A dialog never grows past the viewport: it scrolls inside,
// so at 400 % zoom (320 × 256 CSS pixels) every button can still be reached.
export const overlayClass = "fixed inset-0 z-40 bg-black/50 backdrop-blur-[1px]";
export const contentClass =
  "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-1rem)] w-[min(calc(100vw-1rem),36rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto overscroll-contain rounded-xl border border-zinc-200 bg-white p-4 shadow-xl focus:outline-none sm:max-h-[calc(100dvh-4rem)] sm:p-6 dark:border-zinc-800 dark:bg-zinc-900";
export const titleClass = "text-lg font-semibold wrap-anywhere";
export const descriptionClass = "mt-2 text-sm text-zinc-600 dark:text-zinc-400";
/** The dialog's buttons: right-aligned, wrapping onto a second line when narrow. */
export const buttonRowClass = "mt-6 flex flex-wrap justify-end gap-2";
