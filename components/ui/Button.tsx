import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "secondary" | "warning" | "link";

const base =
  "nhs-button inline-flex min-h-11 cursor-pointer items-center justify-center rounded px-4 py-2 font-semibold " +
  "leading-6 no-underline active:translate-y-1 active:shadow-none disabled:cursor-not-allowed disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary: `${base} bg-nhs-green text-white shadow-[0_4px_0_var(--color-nhs-dark-green)] hover:bg-nhs-dark-green`,
  secondary: `${base} border-2 border-nhs-blue bg-white text-nhs-blue shadow-[0_4px_0_var(--color-nhs-blue)] ` + "hover:bg-nhs-grey-5",
  warning: `${base} bg-nhs-red text-white shadow-[0_4px_0_var(--color-nhs-dark-red)] hover:bg-nhs-dark-red`,
  link:
    "inline cursor-pointer p-0 text-left text-nhs-blue underline underline-offset-[0.15em] " +
    "hover:text-nhs-link-hover hover:no-underline",
};

/** Classes shared by Button and ButtonLink so a link styled as a button looks the same. */
export function buttonClasses(variant: ButtonVariant = "primary", className?: string): string {
  return className ? `${variants[variant]} ${className}` : variants[variant];
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant };

export function Button({ variant = "primary", type = "submit", className, ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, className)} {...props} />;
}
