import "server-only";
import { OPERATIONS } from "../operations/catalogue";
import { inversesOf } from "../operations/derive/undo";
import { JUMPCLOUD_INVERSES } from "../jumpcloud/inverses";
import { OFFBOARDING_INVERSES } from "../offboarding/inverses";
import { RENAMED_ACTIONS } from "../audit/legacy-names";
import { inverseFor, type InverseMap } from "./inverse";

/**
 * Every undoable action, by audit action name: the operations that declare
 * an inverse, and the hand-written maps of areas not yet in the catalogue.
 */
export const INVERSES: InverseMap = {
  ...inversesOf(OPERATIONS),
  ...JUMPCLOUD_INVERSES,
  ...OFFBOARDING_INVERSES,
};

/** Action name → Undo button label, for pages that list events: former names of undoable actions too, so old events keep their button. */
export function undoLabels(): Record<string, string> {
  return Object.fromEntries([...Object.keys(INVERSES), ...RENAMED_ACTIONS.keys()].flatMap((name) => {
    const inverse = inverseFor(INVERSES, name);
    return inverse ? [[name, inverse.label]] : [];
  }));
}
