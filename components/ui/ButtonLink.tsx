import Link from "@/components/ui/Link";
import type { AnchorHTMLAttributes } from "react";
import { buttonClasses, type ButtonVariant } from "./Button";

export type ButtonLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  variant?: ButtonVariant;
};

/**
 * A link that looks like a button (for navigation, not for changing data).
 * Downloads (e.g. CSV exports from route handlers) get a plain <a> so Next does not try to prefetch them.
 */
export function ButtonLink({ href, variant = "primary", className, download, ...props }: ButtonLinkProps) {
  const classes = buttonClasses(variant, className);
  if (download !== undefined) {
    return <a href={href} download={download} className={classes} {...props} />;
  }
  return <Link href={href} className={classes} {...props} />;
}
