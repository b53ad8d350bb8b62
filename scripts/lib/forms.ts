// Forms as a browser without JavaScript sees them, for the scripts that drive the app over HTTP (loadtest,
// bench-http): the hidden fields of a form (React's `$ACTION_…` inputs included), posted back as multipart.
import { randomBytes } from "node:crypto";

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** The hidden fields (including React's `$ACTION_…` ones) of every form whose submit button has this label. */
export function formsWithButton(html: string, label: string): [string, string][][] {
  const forms: [string, string][][] = [];
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes(`>${label}</button>`)) continue;
    const fields: [string, string][] = [];
    for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
      const name = attr(input, "name");
      if (name && attr(input, "type") === "hidden") fields.push([name, attr(input, "value") ?? ""]);
    }
    forms.push(fields);
  }
  return forms;
}

export function multipart(fields: [string, string][]): { body: string; contentType: string } {
  const boundary = `----loadtest${randomBytes(8).toString("hex")}`;
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
