import "server-only";
import { RENAMED_ACTIONS } from "../audit/legacy-names";
import { OPERATIONS } from "../operations/catalogue";
import { inversesOf } from "../operations/derive/undo";
import { type InverseMap, inverseFor } from "./inverse";

/** Every undoable action, by audit action name: the operations of the catalogue that declare an inverse. */
export const INVERSES: InverseMap = inversesOf(OPERATIONS);

/**
 * Action name → Undo button label, for pages that list events: former names of undoable actions too, so old events
 * keep their button.
 */
export function undoLabels(): Record<string, string> {
  return Object.fromEntries(
    [...Object.keys(INVERSES), ...RENAMED_ACTIONS.keys()].flatMap((name) => {
      const inverse = inverseFor(INVERSES, name);
      return inverse ? [[name, inverse.label]] : [];
    }),
  );
}
