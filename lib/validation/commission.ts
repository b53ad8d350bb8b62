import { z } from "zod";
import { id, requiredDate, requiredText } from "@/lib/validation/common";

export const commissionCreateSchema = z
  .object({
    priorityId: id,
    organisationId: z.string({ error: "Choose the expert group" }).min(1, "Choose the expert group"),
    title: requiredText("a title", 200),
    brief: requiredText("the brief"),
    deliverables: requiredText("the deliverables"),
    startsOn: requiredDate("the start date"),
    dueOn: requiredDate("the due date"),
  })
  .refine((c) => c.dueOn > c.startsOn, { path: ["dueOn"], message: "The due date must be after the start date" });
