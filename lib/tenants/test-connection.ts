"use server";
import { z } from "zod";
import { ActionError, action } from "../actions/action";
import { db } from "../db";
import { VENDOR_IDS, VENDOR_LABEL } from "../vendors/connection-fields";
import { VendorError } from "../vendors/core/vendor-error";
import { loadConnection } from "../vendors/load-connection";
import { probeConnection } from "../vendors/probe-connection";

export const testVendorConnection = action(
  {
    name: "tenant.connection_tested",
    perm: "connections.test",
    mode: "external",
    // Reads only: no reason asked.
    change: false,
    input: z.object({ tenantId: z.string().min(1), vendor: z.enum(VENDOR_IDS) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ vendor: i.vendor, targets: [{ type: "vendor_connection", id: `${i.tenantId}:${i.vendor}` }] }),
  },
  async ({ tenantId, vendor }, ctx) => {
    const connection = await loadConnection(db(), tenantId, vendor);
    if (!connection) throw new ActionError(`This tenant has no ${VENDOR_LABEL[vendor]} connection.`);
    try {
      const result = await probeConnection(connection);
      ctx.audit.after = result;
      return result;
    } catch (err) {
      // The vendor's own words, so that "wrong key" and "wrong host" read differently.
      if (err instanceof VendorError)
        throw new ActionError(
          `${VENDOR_LABEL[vendor]} answered: ${err.vendorMessage}${err.status ? ` (HTTP ${err.status})` : ""}`,
        );
      throw err;
    }
  },
);
