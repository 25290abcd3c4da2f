import { z } from "zod";

/**
 * A person's UPN or email address as every surface takes it: a console
 * action's input, a CSV row, an offboarding plan. TruGrid's rule is the one
 * documented: "UPN format is validated before processing (must be valid email
 * format)", refused with "Invalid UPN format encountered at {upn}." — one @,
 * a dot in the domain, no spaces (as its simulator checks). Checking more
 * than the vendor does would refuse users the vendor has. 320: 64 for the
 * local part, @, 255 for the domain (RFC 5321's limits).
 */
const EMAIL_SHAPED = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const UPN_MAX = 320;

export const Upn = z
  .string()
  .trim()
  .max(UPN_MAX, `A UPN or email is at most ${UPN_MAX} characters.`)
  .regex(EMAIL_SHAPED, "Not a valid UPN or email (name@domain).");
