import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(320).pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  password: z.string().min(1, "Enter your password").max(200),
  callbackUrl: z.string().optional(),
});
