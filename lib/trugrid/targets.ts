import type { AuditTarget } from "../audit/event";
import { normEmail } from "../sync/target";

/**
 * A TruGrid user as every surface audits it (a page action, a CSV row, a
 * runbook step): by the lower-case UPN, since TruGrid takes a UPN in any case,
 * so that a look-up of a person's address (the person page's link to the log)
 * finds every event by id. Labelled as given, or with what was done to them.
 */
export function trugridUserTarget(upn: string, label: string = upn): AuditTarget {
  return { type: "trugrid_user", id: normEmail(upn), label };
}

/** The users of one change: an event names at most 100 (a change of more says how many in its after). */
export const upnTargets = (upns: string[]) => upns.slice(0, 100).map((u) => trugridUserTarget(u));

/**
 * A resource assignment's key, a user's UPN or a user group's name (TruGrid tells them apart by the @),
 * labelled with what it was given.
 */
export function assigneeTarget(key: string, resources: string[]): AuditTarget {
  const label = `${key} → ${resources.join(", ")}`;
  return key.includes("@") ? trugridUserTarget(key, label) : { type: "trugrid_user_group", id: key, label };
}
