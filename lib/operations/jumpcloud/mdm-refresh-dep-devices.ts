import { z } from "zod";
import { ActionError } from "../../actions/result";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import type { AppleMdm } from "../../vendors/jumpcloud/schemas";
import { operation } from "../operation";

const NO_MDM =
  "This JumpCloud organisation has no Apple MDM server, so there is no Apple Business Manager list to read.";

/**
 * Asks JumpCloud to read again the devices assigned to its MDM server in Apple Business Manager, so that a device
 * bought since can be enrolled with automated device enrolment (DEP). Every MDM server of the organisation is asked.
 */
export default operation<Record<string, never>, null, AppleMdm[]>({
  id: "jumpcloud.mdm.dep_devices_refreshed",
  vendor: "jumpcloud",
  label: "Refresh DEP devices",
  help:
    "JumpCloud reads again the devices assigned to it in Apple Business Manager, so that newly bought Apple " +
    "devices enrol automatically when first switched on.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  idempotent: true,
  input: z.object({}),
  chunk: 1,
  name: () => "Apple MDM",
  before: async (_ctx, items) => items.map(() => ({ state: null })),
  expect: () => ({ refresh: "requested" }),
  call: async (ctx) => {
    const client = ctx.client as JumpCloudClient;
    const mdms = await client.listAppleMdms();
    if (mdms.length === 0) throw new ActionError(NO_MDM);
    for (const m of mdms) await client.refreshDepDevices(m.id);
    const names = mdms.map((m) => m.name || m.id).join(", ");
    return [{ ok: true, message: `JumpCloud is reading Apple Business Manager again for ${names}.`, answer: mdms }];
  },
  irreversible: "JumpCloud reads Apple Business Manager's list again; there is no earlier list to put back.",
  audit: {
    // The organisation (the tenant) until JumpCloud named its MDM servers.
    targets: (_i, _s, mdms, tenantId) =>
      mdms?.length
        ? mdms.map((m) => ({ type: "jumpcloud_apple_mdm", id: m.id, ...(m.name ? { label: m.name } : {}) }))
        : [{ type: "tenant", id: tenantId ?? "?" }],
    before: () => undefined,
    after: (done) => {
      const mdms = done[0]?.outcome.answer;
      return mdms && { refreshed: mdms.map((m) => m.name || m.id) };
    },
  },
  done: "Requested",
  result: ([d]) => ({ message: d?.outcome.message ?? "" }),
});
