import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: a client-side navigation that does not prefetch. Every page here is rendered per request for the
 * person signed in, so Next's prefetch of each link in view fetched only the target's layout, which saves nothing
 * when the link is followed, yet cost the server a request per link: about 27 for every page shown (the header, the
 * to-do list and the tables), more than the page itself. A link that should prefetch can still say so.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
