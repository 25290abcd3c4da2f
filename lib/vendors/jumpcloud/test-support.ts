import { createJumpCloudSim } from "../../../sim/jumpcloud";
import { JumpCloudClient, type JumpCloudClientOptions } from "./client";

/** A small simulator on 127.0.0.1 and a client for it, with quick retries for tests. */
export async function startSim() {
  const sim = createJumpCloudSim({ size: "small" });
  const { url } = await sim.server.listen(0);
  const client = (over: Partial<JumpCloudClientOptions> = {}) =>
    new JumpCloudClient({
      baseUrl: url,
      credentials: { apiKey: sim.credentials.apiKey },
      timeoutMs: 2_000,
      retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 2_000 },
      ...over,
    });
  const simCall = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return res.status === 204 ? null : res.json();
  };
  /** A client that records the path and query of every request it sends. */
  const recordingClient = () => {
    const sent: string[] = [];
    const c = client({
      fetch: (input, init) => {
        const u = new URL(input instanceof Request ? input.url : String(input));
        sent.push(`${u.pathname}${u.search}`);
        return fetch(input, init);
      },
    });
    return { client: c, sent };
  };
  return {
    sim,
    url,
    client,
    recordingClient,
    simCall,
    org: [...sim.state.orgs.values()][0],
    close: () => sim.server.close(),
  };
}
