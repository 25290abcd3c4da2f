"use server";
import { z } from "zod";
import { action } from "../actions/action";
import { db } from "../db";
import { UpnList, UsersInput } from "./inputs";
import { statusesOf, summarise, userChangeAfter } from "./item-outcome";
import { upnTargets } from "./targets";
import { recordUserState, statesOf } from "./user-state";
import { trugridClient, vendorCall } from "./vendor";

// User-level changes: operators may make them (trugrid.user.write).

export const turnOnMfa = action(
  { name: "trugrid.mfa.turned_on", perm: "trugrid.user.write", mode: "external", input: UsersInput, tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: upnTargets(i.upns) }) },
  async ({ tenantId, upns }, ctx) => {
    const client = await trugridClient(tenantId);
    ctx.audit.before = await statesOf(db(), tenantId, upns);
    const items = await vendorCall(() => client.turnOnMfa(upns));
    ctx.audit.after = userChangeAfter(items);
    const out = summarise(items, "MFA turned on");
    await recordUserState(db(), tenantId, out.succeeded, { mfaOn: true }, ctx.staff);
    return out;
  },
);

/** TruGrid refuses this per item for users with its Admin role; that refusal is shown as TruGrid words it. */
export const turnOffMfa = action(
  { name: "trugrid.mfa.turned_off", perm: "trugrid.user.write", mode: "external", input: UsersInput, tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: upnTargets(i.upns) }) },
  async ({ tenantId, upns }, ctx) => {
    const client = await trugridClient(tenantId);
    ctx.audit.before = await statesOf(db(), tenantId, upns);
    const items = await vendorCall(() => client.turnOffMfa(upns));
    ctx.audit.after = userChangeAfter(items);
    const out = summarise(items, "MFA turned off");
    await recordUserState(db(), tenantId, out.succeeded, { mfaOn: false }, ctx.staff);
    return out;
  },
);

/** Not reversible: the user enrols again at next sign-in (and re-enters a phone when resetPhone). */
export const resetMfa = action(
  { name: "trugrid.mfa.reset", perm: "trugrid.user.write", mode: "external",
    input: z.object({ tenantId: z.string().min(1), upns: UpnList, resetPhone: z.boolean() }), tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: "trugrid", targets: upnTargets(i.upns) }) },
  async ({ tenantId, upns, resetPhone }, ctx) => {
    const client = await trugridClient(tenantId);
    ctx.audit.before = { resetPhone };
    const items = await vendorCall(() => client.resetMfa(upns, { resetPhone }));
    ctx.audit.after = { resetPhone, statuses: statusesOf(items) };
    const out = summarise(items, resetPhone ? "MFA and phone reset" : "MFA reset");
    await recordUserState(db(), tenantId, out.succeeded, { mfaReset: true }, ctx.staff);
    return out;
  },
);
