// The TruGrid simulator alone, in its own process, for bench/bulk.ts: the
// bench's time and memory are then the console's. Prints "ready <port>".

import { simSizeFromEnv } from "../sim/fleet";
import { createTruGridSim } from "../sim/trugrid";

const sim = createTruGridSim({ size: simSizeFromEnv("large") });
const { url } = await sim.server.listen(Number(process.env.SIM_TRUGRID_PORT ?? 0));
console.log(`ready ${new URL(url).port} ${sim.credentials.domainName}`);
process.on("SIGTERM", () => void sim.server.close().then(() => process.exit(0)));
