import { forwardRef, type ButtonHTMLAttributes } from "react";

const VARIANTS = {
  // aria-disabled: unavailable but still focusable, so its description (the reason) can be read.
  primary:
    "bg-zinc-900 text-white hover:bg-zinc-700 disabled:bg-zinc-400 aria-disabled:cursor-not-allowed aria-disabled:bg-zinc-200 aria-disabled:text-zinc-600 aria-disabled:hover:bg-zinc-200 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300 dark:disabled:bg-zinc-600 dark:aria-disabled:bg-zinc-800 dark:aria-disabled:text-zinc-400 dark:aria-disabled:hover:bg-zinc-800",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 disabled:text-zinc-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  danger: "bg-red-700 text-white hover:bg-red-600 disabled:bg-red-300 dark:bg-red-600 dark:hover:bg-red-500",
  ghost: "text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950",
} as const;

type Variant = keyof typeof VARIANTS;
type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant };

/** A button's look, also for a link that acts as one (e.g. "Go to API Keys"). */
export const buttonClass = (variant: Variant = "primary") =>
  `inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed ${VARIANTS[variant]}`;

export const Button = forwardRef<HTMLButtonElement, Props>(function Button(
  { variant = "primary", className = "", type = "button", ...props },
  ref,
) {
  return <button ref={ref} type={type} className={`${buttonClass(variant)} ${className}`} {...props} />;
});
