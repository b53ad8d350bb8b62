import { z } from "zod";
import { id, requiredChoice, requiredDate, requiredLine, requiredText } from "@/lib/validation/common";

export const commissionCreateSchema = z
  .object({
    priorityId: id,
    organisationId: requiredChoice("the expert group"),
    title: requiredLine("a title", 200),
    brief: requiredText("the brief"),
    deliverables: requiredText("the deliverables"),
    startsOn: requiredDate("the start date"),
    dueOn: requiredDate("the due date"),
  })
  .refine((c) => c.dueOn > c.startsOn, { path: ["dueOn"], message: "The due date must be after the start date" });
