import { z } from "zod";
import { ActionError } from "../../actions/result";
import type { AuditAction } from "../../audit/event-types";
import type { TwingateClient } from "../../vendors/twingate/client";
import type { AccessRequest } from "../../vendors/twingate/schemas";
import type { OperationDef } from "../operation";
import { Id, NETWORK_OP, ref } from "./_object";

// Approving or rejecting a user's request for access to a resource. Twingate
// lists open requests only (the console never caches them): the call reads
// the request first, so the audit names who asked for what, then settles it.
// Access is a network admin's grant.

type Item = { requestId: string };

const GONE = "This access request is no longer open: someone may have settled it already. Reload the list.";

const who = (r: AccessRequest) => `${r.user.firstName} ${r.user.lastName} (${r.user.email})`.trim();

/** Approve (or reject) one open request. */
export function settleRequest(o: {
  approve: boolean;
  id: AuditAction;
  label: string;
  help: string;
  irreversible: string;
}): OperationDef<Item, null, AccessRequest> {
  const verb = o.approve ? "approved" : "rejected";
  return {
    ...NETWORK_OP,
    id: o.id,
    label: o.label,
    help: o.help,
    risk: "irreversible",
    // A settled request is no longer there: a second call fails.
    idempotent: false,
    input: z.object({ requestId: Id }),
    name: (i) => i.requestId,
    before: async (_ctx, items) => items.map(() => ({ state: null })),
    expect: () => ({ request: verb }),
    call: async (ctx, [s]) => {
      if (!s) return [];
      const client = ctx.client as TwingateClient;
      const request = await client.accessRequest(s.item.requestId);
      if (!request) throw new ActionError(GONE);
      await (o.approve ? client.accessRequestApprove(request.id) : client.accessRequestReject(request.id));
      const said = `Twingate: ${who(request)}'s request for ${request.resource.name} ${verb}.`;
      return [{ ok: true, message: said, answer: request }];
    },
    irreversible: o.irreversible,
    audit: {
      // The request, then (once read) who asked and for which resource.
      targets: (i, _s, r) => [
        ref("twingate_access_request", i.requestId),
        ...(r
          ? [ref("twingate_user", r.user.id, r.user.email), ref("twingate_resource", r.resource.id, r.resource.name)]
          : []),
      ],
      before: () => undefined,
      after: ([d]) => {
        const r = d?.outcome.answer;
        return r && { request: verb, reason: r.reason, requestedAt: r.requestedAt };
      },
    },
    done: o.approve ? "Approved" : "Rejected",
    result: ([d]) => {
      const r = d?.outcome.answer;
      return r && { user: r.user.email, resource: r.resource.name };
    },
  };
}
