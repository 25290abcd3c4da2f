import { buildDirectory, type SimSize } from "./core/directory";
import type { SimServer } from "./core/http-server";
import { createJumpCloudSim } from "./jumpcloud";
import { createTruGridSim } from "./trugrid";
import { createTruuSim } from "./truu";
import { createTwingateSim } from "./twingate";

export const DEFAULT_SIM_PORTS = { trugrid: 4101, truu: 4102, twingate: 4103, jumpcloud: 4104 } as const;

/** What a console tenant needs to reach its company in each simulator. */
export interface SimTenant {
  tenantName: string;
  domain: string;
  connections: {
    trugrid: { baseUrl: string; apiKey: string; domainName: string };
    truu: { baseUrl: string; clientId: string; clientSecret: string };
    twingate: { baseUrl: string; apiKey: string; network: string };
    jumpcloud: { baseUrl: string; apiKey: string; orgId: string };
  };
}

export interface SimFleet {
  size: SimSize;
  tenants: SimTenant[];
  stop: () => Promise<void>;
}

function portsFromEnv(env = process.env) {
  const port = (vendor: keyof typeof DEFAULT_SIM_PORTS) =>
    Number(env[`SIM_${vendor.toUpperCase()}_PORT`] ?? DEFAULT_SIM_PORTS[vendor]);
  return { trugrid: port("trugrid"), truu: port("truu"), twingate: port("twingate"), jumpcloud: port("jumpcloud") };
}

/** The JumpCloud organisation seeded for the i-th company (the simulator seeds one per company). */
function orgIdOf(orgIds: readonly string[], i: number): string {
  const id = orgIds[i];
  if (id === undefined) throw new Error(`The JumpCloud simulator seeded no organisation for company ${i + 1}.`);
  return id;
}

/**
 * Starts the four simulators on loopback for one simulated world. TruGrid
 * (one key, `domainName` per request) and JumpCloud (an MSP key, one
 * organisation per company) serve every company from one server; a TruU
 * tenant and a Twingate network belong to one company, so each company gets
 * its own TruU and Twingate server, on the base port + 10 × its index.
 */
export async function startSimFleet(opts: {
  size: SimSize;
  ports?: Partial<ReturnType<typeof portsFromEnv>>;
  host?: string;
}): Promise<SimFleet> {
  const ports = { ...portsFromEnv(), ...opts.ports };
  const host = opts.host ?? "127.0.0.1";
  const companies = buildDirectory(opts.size);
  const servers: SimServer[] = [];
  const listen = async (server: SimServer, port: number) => {
    servers.push(server);
    return (await server.listen(port, host)).url;
  };
  try {
    const trugrid = createTruGridSim({ size: opts.size });
    const trugridUrl = await listen(trugrid.server, ports.trugrid);
    const jumpcloud = createJumpCloudSim({ size: opts.size });
    const jumpcloudUrl = await listen(jumpcloud.server, ports.jumpcloud);

    const tenants: SimTenant[] = [];
    for (const [i, company] of companies.entries()) {
      const truu = createTruuSim({ size: opts.size, domain: company.domain });
      const twingate = createTwingateSim({
        size: opts.size,
        domain: company.domain,
        rateLimits: twingateLimitsFromEnv(),
      });
      const truuUrl = await listen(truu.server, ports.truu + (ports.truu ? 10 * i : 0));
      const twingateUrl = await listen(twingate.server, ports.twingate + (ports.twingate ? 10 * i : 0));
      tenants.push({
        tenantName: company.tenantName,
        domain: company.domain,
        connections: {
          trugrid: { baseUrl: trugridUrl, apiKey: trugrid.credentials.apiKey, domainName: company.domain },
          truu: { baseUrl: truuUrl, ...truu.credentials },
          twingate: {
            baseUrl: twingateUrl,
            apiKey: twingate.credentials.apiKey,
            network: company.domain.split(".", 1)[0] ?? company.domain,
          },
          jumpcloud: {
            baseUrl: jumpcloudUrl,
            apiKey: jumpcloud.credentials.mspApiKey,
            orgId: orgIdOf(jumpcloud.credentials.orgIds, i),
          },
        },
      });
    }
    return { size: opts.size, tenants, stop: () => Promise.all(servers.map((s) => s.close())).then(() => {}) };
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
}

/** SIM_TWINGATE_READS_PER_MINUTE / _WRITES_PER_MINUTE override the documented 60 and 20 (benchmarks scale them). */
function twingateLimitsFromEnv(env = process.env) {
  const reads = env.SIM_TWINGATE_READS_PER_MINUTE;
  const writes = env.SIM_TWINGATE_WRITES_PER_MINUTE;
  return {
    ...(reads ? { readsPerWindow: Number(reads) } : {}),
    ...(writes ? { writesPerWindow: Number(writes) } : {}),
  };
}

export function simSizeFromEnv(fallback: SimSize = "demo"): SimSize {
  const s = process.env.SIM_SIZE ?? fallback;
  if (s !== "small" && s !== "demo" && s !== "large")
    throw new Error(`SIM_SIZE must be small, demo or large (got ${s})`);
  return s;
}
