import { z } from "zod";
import { id, optionalId, optionalText, requiredLine, version } from "@/lib/validation/common";
import { RECOGNITION_ROUTES } from "@/lib/workflow/practitioner";

// Practitioners and the maintained list of professions.

/** A professional registration number: an NMC PIN, an HCPC or GPhC number. Blank is allowed here; eligibility decides. */
export const registrationNumber = optionalText(50).refine(
  (v) => v === "" || /^[A-Za-z0-9][A-Za-z0-9 /-]*$/.test(v),
  "Professional registration number must contain only letters, numbers, spaces, hyphens and slashes",
);

/** Only a ticked box ("yes") is consent; a missing box is none. */
export const consent = z.preprocess((v) => [v].flat().includes("yes"), z.boolean());

export const recognitionRoute = z.preprocess(
  (v) => (v === "" || v === undefined ? undefined : v),
  z.enum(RECOGNITION_ROUTES, { error: "Choose how the practitioner is recognised" }).optional(),
);

/** A practitioner recorded with a completion, when the provider has not picked an existing one. */
export const newPractitionerFields = {
  practitionerName: optionalText(200).refine((v) => !/[\r\n\t]/.test(v), "Must not contain line breaks"),
  professionId: optionalId("Choose the practitioner's profession"),
  registration: registrationNumber,
  recognitionRoute,
  listedInDirectory: consent,
};

export const professionCreateSchema = z.object({
  name: requiredLine("the profession's name", 100),
  regulator: requiredLine("the regulator", 100),
});

export const professionRenameSchema = z.object({ id, version, name: requiredLine("the profession's name", 100) });

export const professionRetireSchema = z.object({ id, version, retire: consent });

/** The practitioner agreed to be listed in the public directory, or withdrew that agreement. */
export const directoryListingSchema = z.object({ id, version, completionId: id, listedInDirectory: consent });
