import type { VendorId } from "../vendors/connection-fields";
import type { VendorSync } from "./context";
import { jumpcloudSync } from "./jumpcloud/sync";
import { trugridSync } from "./trugrid/sync";
import { truuSync } from "./truu/sync";
import { twingateSync } from "./twingate/sync";

/** Each vendor's sync, as the worker runs them. */
export const VENDOR_SYNCS: Record<VendorId, VendorSync> = {
  trugrid: trugridSync,
  truu: truuSync,
  twingate: twingateSync,
  jumpcloud: jumpcloudSync,
};
