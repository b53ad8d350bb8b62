import { jsonForScript } from "@/lib/data/catalogue-jsonld";

/**
 * Linked data in the page. A `type="application/ld+json"` script is a data block the browser never runs, so the
 * Content-Security-Policy's script nonce does not apply to it; the JSON is escaped so it cannot end the element.
 */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
