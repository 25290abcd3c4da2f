import "server-only";
import { JUMPCLOUD_INVERSES } from "../jumpcloud/inverses";
import { OFFBOARDING_INVERSES } from "../offboarding/inverses";
import { TWINGATE_INVERSES } from "../twingate/inverses";
import { TRUGRID_INVERSES } from "../trugrid/inverses";
import type { InverseMap } from "./inverse";

/**
 * Every undoable action, by audit action name. A vendor area that offers
 * undo spreads its own map in here (e.g. `...TRUGRID_INVERSES`).
 */
export const INVERSES: InverseMap = {
  ...JUMPCLOUD_INVERSES,
  ...TWINGATE_INVERSES,
  ...TRUGRID_INVERSES,
  ...OFFBOARDING_INVERSES,
};

/** Action name → Undo button label, for pages that list events. */
export function undoLabels(): Record<string, string> {
  return Object.fromEntries(Object.entries(INVERSES).map(([name, inv]) => [name, inv.label]));
}
