import { z } from "zod";
import type { JumpCloudClient } from "../../vendors/jumpcloud/client";
import { operation } from "../operation";
import { enrolled, type Found, mdmTargets, withSerial } from "./_mdm-command";
import { oneSystem, SystemItem, type SystemState, systemBefore } from "./_system";

/** JumpCloud's InstallActionType, as its v2 spec documents it. */
export const INSTALL_ACTIONS = ["DOWNLOAD_ONLY", "INSTALL_LATER", "INSTALL_ASAP", "INSTALL_FORCE_RESTART"] as const;

const Item = SystemItem.extend({
  /** Apple's product key of the update (as the device's OS update status reports it), e.g. "macOS 15.2". */
  productKey: z.string().trim().min(1, "Enter the update's product key.").max(200),
  installAction: z.enum(INSTALL_ACTIONS),
  /** How many times the user may put it off (macOS only); empty: Apple's default. */
  maxUserDeferrals: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number().int().min(0).max(100).optional(),
  ),
});
type Item = z.output<typeof Item>;

const asked = (i: Item) => ({
  productKey: i.productKey,
  installAction: i.installAction,
  maxUserDeferrals: i.maxUserDeferrals ?? null,
});

/** The device downloads (and may install) an update Apple offers it; the schedule is the device's from then on. */
export default operation<Item, SystemState, Found>({
  ...oneSystem,
  id: "jumpcloud.mdm_device.os_update_scheduled",
  label: "Schedule an OS update",
  help:
    "Asks an Apple device, through JumpCloud's MDM, to download an OS update and install it as chosen: download " +
    "only, install later, as soon as possible, or with a forced restart.",
  perm: "jumpcloud.write",
  risk: "irreversible",
  // Asked twice, the device has the same update scheduled.
  idempotent: true,
  input: Item,
  before: (ctx, items) => withSerial(ctx, items, false),
  expect: (i) => ({ via: "apple_mdm", ...asked(i) }),
  call: async (ctx, [s]) => {
    if (!s) return [];
    const client = ctx.client as JumpCloudClient;
    const found = await enrolled(client, s.state);
    const { productKey, installAction, maxUserDeferrals } = s.item;
    await client.scheduleOsUpdate(found.mdmId, found.deviceId, {
      product_key: productKey,
      install_action: installAction,
      ...(maxUserDeferrals !== undefined ? { max_user_deferrals: maxUserDeferrals } : {}),
    });
    const said = `JumpCloud scheduled ${productKey} (${installAction}) on ${s.state.name}.`;
    return [{ ok: true, message: said, answer: found }];
  },
  irreversible: "An update a device has installed stays installed; Apple MDM has no call that takes it back.",
  audit: {
    targets: mdmTargets,
    before: ([s]) => s && { ...systemBefore(s.state), serialNumber: s.state.serialNumber },
    after: (done) => {
      const d = done.find((x) => x.outcome.ok);
      return d && { via: "apple_mdm", ...asked(d.item) };
    },
  },
  done: "Scheduled",
});
