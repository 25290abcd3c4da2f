export type Result<T> =
  /** eventId: the success audit event, the handle for undo. */
  { ok: true; data: T; eventId?: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** An expected refusal from an action body: its message is shown to the user and recorded as the failure reason. */
export class ActionError extends Error {}

/**
 * A refusal on grounds of access (reach, scope, a rule about who may do
 * what) found inside an action body: recorded as a `denied` event, not a
 * failure. `message` is what the caller sees; `reason` what the log keeps,
 * which may say more than the caller should learn (e.g. that an id exists).
 */
export class ActionDenied extends ActionError {
  constructor(
    message: string,
    readonly reason: string = message,
  ) {
    super(message);
  }
}

export function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(fd.keys())) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    // Files pass through as File objects for schemas that ask for one (uploads).
    const values = fd
      .getAll(key)
      .filter((v) => typeof v === "string" || (typeof File !== "undefined" && v instanceof File));
    // `name[]` is an array even with one value; a repeated plain name is an array too.
    if (key.endsWith("[]")) out[key.slice(0, -2)] = values;
    else out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}
