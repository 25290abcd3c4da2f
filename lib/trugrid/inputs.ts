import { z } from "zod";
import { Upn } from "../people/upn";
import { UndoOf } from "../undo/undo-of";

// A page of the users table is at most 200 rows; the client splits into TruGrid's 100-item requests.
// Duplicates removed.
export const UpnList = z
  .array(Upn)
  .min(1, "Choose at least one user.")
  .max(500)
  .transform((l) => [...new Set(l)]);

export const UsersInput = z.object({ tenantId: z.string().min(1), upns: UpnList, undoOf: UndoOf });

/** A list of names typed one per line or comma-separated. */
export const NameList = z
  .array(z.string().trim().min(1).max(253))
  .min(1, "Enter at least one name.")
  .max(500)
  .transform((l) => [...new Set(l)]);
