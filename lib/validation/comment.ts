import { z } from "zod";
import { SPECIFICATION_SECTIONS } from "@/lib/workflow";
import { id, requiredText } from "@/lib/validation/common";

const SECTION_KEYS = SPECIFICATION_SECTIONS.map((s) => s.key) as [string, ...string[]];

export const commentCreateSchema = z.object({
  specificationVersionId: id,
  section: z.enum(SECTION_KEYS, { error: "Choose the section the comment is about" }),
  body: requiredText("your comment", 5000),
  parentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
});
