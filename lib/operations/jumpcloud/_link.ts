import { failureMessage, inDoubt } from "../../vendors/core/vendor-message";
import type { Checked, OpContext, Outcome } from "../operation";

// What a change of a link between two JumpCloud objects (a group's member,
// an association) shares: JumpCloud refuses a second add (409) and a remove
// of what is not linked (404), so neither is sent twice blindly, and a
// sheet's row is no change when the cache already has the link as wanted.

/**
 * Sends one link change: null once sent. A person is told a refusal in
 * JumpCloud's words by the action itself; a worker's row fails with them, or
 * stays in doubt when no answer came (thrown: a resend would be refused).
 */
export async function sendLink(ctx: OpContext, send: () => Promise<unknown>): Promise<Outcome | null> {
  try {
    await send();
    return null;
  } catch (err) {
    if (ctx.surface === "interactive" || inDoubt(err)) throw err;
    return { ok: false, message: failureMessage(err) };
  }
}

/** Sheet rows as the cache knows them, planned: no change where the link already is as the change makes it. */
export function linkPlans<S>(known: ({ state: S } | { refused: string })[], linked: (s: S) => boolean, add: boolean) {
  return known.map(
    (k): Checked<S> =>
      "refused" in k ? k : { state: k.state, plan: linked(k.state) === add ? "no_change" : "update" },
  );
}
