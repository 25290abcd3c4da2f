import "server-only";
import { TRUGRID_INVERSES } from "../trugrid/inverses";
import type { InverseMap } from "./inverse";

/**
 * Every undoable action, by audit action name. A vendor area that offers
 * undo spreads its own map in here (e.g. `...TRUGRID_INVERSES`).
 */
export const INVERSES: InverseMap = {
  ...TRUGRID_INVERSES,
};

/** Action name → Undo button label, for pages that list events. */
export function undoLabels(): Record<string, string> {
  return Object.fromEntries(Object.entries(INVERSES).map(([name, inv]) => [name, inv.label]));
}
