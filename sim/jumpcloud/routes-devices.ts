import { json } from "../core/http-server";
import type { SimContext } from "./app";
import { jcError, notFound } from "./errors";
import { v2List } from "./query";
import type { MdmDevice, Org } from "./state";

const ACTIONS = [
  "lock",
  "erase",
  "restart",
  "shutdown",
  "clearActivationLock",
  "refreshActivationLockInformation",
  "osUpdateStatus",
  "scheduleOSUpdate",
] as const;

function deviceView(d: MdmDevice) {
  return {
    id: d.id,
    serialNumber: d.serialNumber,
    deviceInformation: d.deviceInformation,
    depRegistered: d.depRegistered,
    enrolled: d.enrolled,
    osFamily: d.osFamily,
    systemId: d.systemId,
  };
}

export function registerDeviceRoutes(ctx: SimContext) {
  const mdmOf = (org: Org, id: string) => org.mdms.get(id) ?? null;

  ctx.list("/api/v2/applemdms", (_req, org, p) =>
    v2List(
      [...org.mdms.values()].map((m) => ({ id: m.id, name: m.name })),
      p,
    ),
  );

  ctx.list("/api/v2/applemdms/:apple_mdm_id/devices", (req, org, p) => {
    const mdm = mdmOf(org, req.params.apple_mdm_id);
    if (!mdm) return notFound("apple mdm");
    return v2List([...mdm.devices.values()].map(deviceView), p);
  });

  ctx.route("POST", "/api/v2/applemdms/:apple_mdm_id/refreshdepdevices", (req, org) => {
    const mdm = mdmOf(org, req.params.apple_mdm_id);
    if (!mdm) return notFound("apple mdm");
    org.commands.push({ target: `applemdm:${mdm.id}`, command: "refreshdepdevices", at: new Date().toISOString() });
    return { status: 204 };
  });

  for (const action of ACTIONS) {
    // lock/erase {pin}, restart {kextPaths}, scheduleOSUpdate
    // ScheduleOSUpdate: checked against the documents before the handler runs.
    ctx.route("POST", `/api/v2/applemdms/:apple_mdm_id/devices/:device_id/${action}`, (req, org, body) => {
      const mdm = mdmOf(org, req.params.apple_mdm_id);
      if (!mdm) return notFound("apple mdm");
      const device = mdm.devices.get(req.params.device_id);
      if (!device) return notFound("device");
      // v2 spec, applemdms_deviceslock_request.pin: "6-digit PIN, required for MacOS".
      if ((action === "lock" || action === "erase") && device.osFamily === "macos" && !(body as { pin?: string }).pin) {
        return jcError(400, `a 6-digit PIN is required to ${action} a macOS device`);
      }
      if (!device.enrolled) return jcError(409, "the device is not enrolled");
      org.commands.push({ target: `mdmdevice:${device.id}`, command: action, at: new Date().toISOString(), body });
      if (action === "erase") device.enrolled = false;
      return { status: 204 };
    });
  }

  ctx.route("GET", "/api/v2/users/:user_id/pushendpoints", (req, org) => {
    if (!org.users.has(req.params.user_id)) return notFound("user");
    return json(200, org.pushEndpoints.get(req.params.user_id) ?? []);
  });

  ctx.route("POST", "/api/v2/users/:userId/pushendpoints/:pushEndpointId/verify", (req, org, body) => {
    const u = org.users.get(req.params.userId);
    if (!u) return notFound("user");
    const ep = (org.pushEndpoints.get(u._id) ?? []).find((e) => e.id === req.params.pushEndpointId);
    if (!ep) return notFound("push endpoint");
    const { message } = body as { message?: string };
    if (u.state === "SUSPENDED") return jcError(400, "user is suspended");
    const v = { id: ctx.state.ids.next(), userId: u._id, endpointId: ep.id, message: message ?? "", status: "pending" };
    org.pushVerifications.set(v.id, v);
    return json(200, { id: v.id, status: v.status });
  });

  ctx.route("POST", "/api/v2/accessrequests", (_req, org, body) => {
    // The seed listing types every field a string and requires
    // none; an access request for nobody or nothing is refused here.
    const b = body as Partial<Record<"requestorId" | "resourceId" | "resourceType" | "remarks" | "expiry", string>>;
    for (const f of ["requestorId", "resourceId", "resourceType"] as const)
      if (!b[f]) return jcError(400, `${f} is required`);
    if (!org.users.has(String(b.requestorId))) return jcError(400, `requestor ${String(b.requestorId)} not found`);
    if (b.expiry !== undefined && Number.isNaN(Date.parse(b.expiry))) return jcError(400, "expiry must be a date-time");
    const r = {
      id: ctx.state.ids.next(),
      requestorId: String(b.requestorId),
      resourceId: String(b.resourceId),
      resourceType: String(b.resourceType),
      remarks: b.remarks ?? "",
      expiry: b.expiry ?? "",
      status: "ACTIVE" as const,
    };
    org.accessRequests.set(r.id, r);
    return json(200, { id: r.id });
  });

  ctx.route("POST", "/api/v2/accessrequests/:accessId/revoke", (req, org) => {
    const r = org.accessRequests.get(req.params.accessId);
    if (!r) return notFound("access request");
    if (r.status === "REVOKED") return jcError(409, "access request is already revoked");
    r.status = "REVOKED";
    return json(200, {});
  });
}
