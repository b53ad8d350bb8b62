import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/common";

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(320)
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z
    .string()
    .max(2000)
    .refine((v) => !hasControlCharacters(v, false))
    .optional(),
});
