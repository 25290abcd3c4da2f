// Shared by the simulator's own tests: a small JumpCloud simulator on 127.0.0.1, called over plain HTTP.
import { createJumpCloudSim } from ".";

export async function startJumpCloudSim() {
  const sim = createJumpCloudSim({ size: "small" });
  const { url } = await sim.server.listen(0);
  /** One request with the single-org API key; body is sent as JSON unless it is already a string. */
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { "x-api-key": sim.credentials.apiKey, "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
    };
  };
  return { sim, url, call, org: [...sim.state.orgs.values()][0], close: () => sim.server.close() };
}
