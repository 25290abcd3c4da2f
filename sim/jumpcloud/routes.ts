import type { SimContext } from "./app";
import { registerBulkRoutes } from "./routes-bulk";
import { registerDeviceRoutes } from "./routes-devices";
import { registerGraphRoutes } from "./routes-graph";
import { registerGroupRoutes } from "./routes-groups";
import { registerSystemRoutes } from "./routes-systems";
import { registerUserRoutes } from "./routes-users";

/** Every JumpCloud operation the simulator serves. */
export function registerRoutes(ctx: SimContext) {
  registerUserRoutes(ctx);
  registerSystemRoutes(ctx);
  registerGroupRoutes(ctx);
  registerGraphRoutes(ctx);
  registerBulkRoutes(ctx);
  registerDeviceRoutes(ctx);
}
