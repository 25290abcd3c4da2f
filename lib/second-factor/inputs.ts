import { z } from "zod";

/** A passkey's name, so that its owner can tell several apart. */
export const PasskeyName = z.string().trim().min(1, "Give the passkey a name").max(60, "At most 60 characters");
export const CurrentPassword = z.string().min(1, "Enter your password").max(1024);
/** A TOTP or recovery code as typed: the checks normalise it. */
export const TypedCode = z.string().trim().min(1, "Enter the code").max(64);
