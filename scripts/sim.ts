// npm run sim: the four vendor simulators on loopback, for trying clients and
// scripts by hand. SIM_SIZE=small|demo|large picks the seed data;
// SIM_<VENDOR>_PORT the ports; SIM_<VENDOR>_LATENCY_MS, _ERROR_RATE,
// _BURST_429, _RETRY_AFTER_SECONDS, _HANG, _TOKEN_TTL_SECONDS the faults
// (also settable at run time with PUT <base URL>/__sim/faults).
import { simSizeFromEnv, startSimFleet } from "../sim/fleet";

const started = performance.now();
const fleet = await startSimFleet({ size: simSizeFromEnv("demo") });
console.log(`Vendor simulators (${fleet.size}) ready in ${Math.round(performance.now() - started)} ms\n`);
for (const t of fleet.tenants) {
  const c = t.connections;
  console.log(`${t.tenantName} (${t.domain})`);
  console.log(`  TruGrid    ${c.trugrid.baseUrl}  api_key: ${c.trugrid.apiKey}  domainName: ${c.trugrid.domainName}`);
  console.log(`  TruU       ${c.truu.baseUrl}  client_id: ${c.truu.clientId}  client_secret: ${c.truu.clientSecret}`);
  console.log(`  Twingate   ${c.twingate.baseUrl}  X-API-KEY: ${c.twingate.apiKey}  network: ${c.twingate.network}`);
  console.log(`  JumpCloud  ${c.jumpcloud.baseUrl}  x-api-key: ${c.jumpcloud.apiKey}  x-org-id: ${c.jumpcloud.orgId}`);
}
console.log(
  "\nFault knobs: PUT <base URL>/__sim/faults with {latencyMs, errorRate, " +
    "burst429, retryAfterSeconds, hang, tokenTtlSeconds}. Ctrl+C stops.",
);

const stop = async () => {
  await fleet.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
