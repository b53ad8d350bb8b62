import "server-only";
import { absoluteUrl } from "@/lib/config";
import { issuerProfile } from "@/lib/data/badges";

// A catalogue credential as linked data: the Open Badges 3.0 `Achievement` its badges point to (the same id, the
// entry's address), with the Credential Transparency Description Language (CTDL) terms that say the same things, so
// search engines, badge platforms and credential registries can read the catalogue without scraping it.

/** Open Badges 3.0, and CTDL's terms under their usual `ceterms:` prefix. */
export const CATALOGUE_JSONLD_CONTEXT = [
  "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
  { ceterms: "https://purl.org/ctdl/terms/" },
] as const;

export type Describable = {
  reference: string;
  title: string;
  summary: string | null;
  academicLevel: number | null;
  credits: number | null;
  /** The professions the endorsed specification's target group names, from the Centre's list. */
  professions: string[];
};

const DEFAULT_DESCRIPTION = "A multi-professional advanced-practice credential endorsed by the Centre for Advancing Practice.";

/** The credential as an Open Badges 3.0 `Achievement` with CTDL terms, without `@context` (see `CATALOGUE_JSONLD_CONTEXT`). */
export function catalogueAchievement(c: Describable) {
  const page = absoluteUrl(`/catalogue/${encodeURIComponent(c.reference)}`);
  const description = c.summary || DEFAULT_DESCRIPTION;
  const level = c.academicLevel ? ` at academic level ${c.academicLevel}${c.credits ? ` (${c.credits} credits)` : ""}` : "";
  const { "@context": _context, ...creator } = issuerProfile();
  return {
    id: page,
    type: ["Achievement"],
    // The badges the Centre issues for this credential describe their achievement the same way (lib/data/badges.ts).
    achievementType: "Certificate",
    name: c.title,
    humanCode: c.reference,
    description,
    criteria: {
      id: page,
      narrative: `Complete a programme${level} delivered by an education provider whose delivery plan for this credential the Centre has approved, meeting every learning outcome of the endorsed specification.`,
    },
    creator,
    ...(c.credits ? { creditsAvailable: c.credits } : {}),
    "ceterms:name": c.title,
    "ceterms:description": description,
    "ceterms:subjectWebpage": { "@id": page },
    // The professions the credential is for, each named as the Centre's list names it.
    ...(c.professions.length > 0
      ? {
          "ceterms:occupationType": c.professions.map((name) => ({
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:targetNodeName": name,
          })),
        }
      : {}),
  };
}

/**
 * JSON for inside an HTML `<script>` element: `<`, `>` and `&` as JSON escapes so no string can close the element or
 * open a comment, and the line and paragraph separators too (older parsers take them for line ends).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
