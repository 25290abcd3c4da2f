import { json } from "../core/http-server";
import { header, type SimContext } from "./app";
import { jcError, notFound, SimFailure } from "./errors";
import { v2List } from "./query";
import { applyUserPut, createUser, expirePassword, unlockUser, userReturn } from "./routes-users";
import type { BulkJob, JumpCloudState, Org } from "./state";

/** v2 bulk-scheduled-statechange-create, as the documents type it (checked before the handler runs). */
interface ScheduledStateChange {
  user_ids: string[];
  state: "ACTIVATED" | "SUSPENDED";
  start_date: string;
  send_activation_emails?: boolean;
  activation_email_override?: string;
}

const CREATION_SOURCES = [
  "jumpcloud:gapps",
  "jumpcloud:o365",
  "jumpcloud:workday",
  "jumpcloud:scim",
  "jumpcloud:bulk",
  "jumpcloud:custom_integration",
];

/** Runs the jobs whose time has come; called before every request, so no timers outlive the simulator. */
export function processDue(state: JumpCloudState, now = Date.now()) {
  for (const org of state.orgs.values()) {
    for (const job of org.bulkJobs.values()) if (!job.done && job.dueAt <= now) runJob(state, org, job);
    for (const s of [...org.scheduledStates.values()]) {
      if (Date.parse(s.scheduledDate) > now) continue;
      const u = org.users.get(s.systemUserId);
      if (u) {
        u.state = s.state;
        u.activated = u.activated || s.state === "ACTIVATED";
        u.suspended = s.state === "SUSPENDED";
      }
      org.scheduledStates.delete(s.scheduledJobId);
    }
  }
}

function runJob(state: JumpCloudState, org: Org, job: BulkJob) {
  const at = new Date().toISOString();
  job.results = job.items.map((item) => {
    const base = { id: state.ids.next(), createdAt: at, updatedAt: at };
    try {
      if (job.kind === "create") {
        const source = job.creationSource === "jumpcloud:bulk" ? "csvImport" : "applicationImport";
        const u = createUser(org, state.ids.next(), item, org.settings.newSystemUserStateDefaults[source]);
        return {
          ...base,
          status: "finished",
          statusMsg: "User created",
          meta: { systemUser: { id: u._id } },
          persistedFields: { username: u.username, email: u.email, state: u.state },
        };
      }
      const u = org.users.get(String(item.id));
      if (!u)
        return {
          ...base,
          status: "failed",
          statusMsg: `user ${String(item.id)} not found`,
          meta: { systemUser: { id: item.id } },
          persistedFields: {},
        };
      if (job.kind === "update") {
        const { id: _id, ...fields } = item;
        const draft = structuredClone(u);
        applyUserPut(org, draft, fields);
        org.users.set(u._id, draft);
        return {
          ...base,
          status: "finished",
          statusMsg: "User updated",
          meta: { systemUser: { id: u._id } },
          persistedFields: userReturn(draft),
        };
      }
      if (job.kind === "expire") expirePassword(u);
      else unlockUser(u);
      return {
        ...base,
        status: "finished",
        statusMsg: job.kind === "expire" ? "Password expired" : "User unlocked",
        meta: { systemUser: { id: u._id } },
        persistedFields: {},
      };
    } catch (err) {
      const msg =
        err instanceof SimFailure
          ? String((err.response.body as { message?: string }).message)
          : (err as Error).message;
      return { ...base, status: "failed", statusMsg: msg, meta: { systemUser: item }, persistedFields: {} };
    }
  });
  job.done = true;
}

export function registerBulkRoutes(ctx: SimContext) {
  // The documents type every bulk body as an array of objects; that is checked
  // before the handler runs. They allow an empty array and items without an id;
  // the simulator refuses both, as a job needs users to act on.
  const start = (org: Org, kind: BulkJob["kind"], body: unknown, creationSource = "jumpcloud:bulk") => {
    const items = body as Record<string, unknown>[];
    if (items.length === 0) return jcError(400, "the body must be a non-empty array of objects");
    if (kind !== "create" && items.some((i) => typeof i.id !== "string")) return jcError(400, "every item needs an id");
    const job: BulkJob = {
      id: ctx.state.ids.next(),
      kind,
      dueAt: Date.now() + ctx.state.bulkDelayMs,
      done: false,
      items,
      creationSource,
      results: [],
    };
    org.bulkJobs.set(job.id, job);
    return json(201, { jobId: job.id });
  };

  ctx.route("POST", "/api/v2/bulk/users", (req, org, body) => {
    const source = header(req, "creation-source") ?? "jumpcloud:bulk";
    if (!CREATION_SOURCES.includes(source)) return jcError(400, `malformed creation-source header: '${source}'`);
    return start(org, "create", body, source);
  });
  ctx.route("PATCH", "/api/v2/bulk/users", (_req, org, body) => start(org, "update", body));
  ctx.route("POST", "/api/v2/bulk/user/expires", (_req, org, body) => start(org, "expire", body));
  ctx.route("POST", "/api/v2/bulk/user/unlocks", (_req, org, body) => start(org, "unlock", body));

  ctx.list("/api/v2/bulk/users/:job_id/results", (req, org, p) => {
    const job = org.bulkJobs.get(req.params.job_id);
    if (!job) return notFound("job");
    // Until the job has run there is nothing to report yet.
    return v2List(job.done ? job.results : [], p);
  });

  ctx.route("POST", "/api/v2/bulk/userstates", (_req, org, body) => {
    const b = body as ScheduledStateChange;
    const missing = b.user_ids.find((id) => !org.users.has(id));
    if (missing) return jcError(400, `user ${missing} not found`);
    const out = b.user_ids.map((uid) => {
      const s = {
        scheduledJobId: ctx.state.ids.next(),
        systemUserId: uid,
        state: b.state,
        scheduledDate: new Date(b.start_date).toISOString(),
        sendActivationEmails: b.send_activation_emails ?? false,
      };
      org.scheduledStates.set(s.scheduledJobId, s);
      return { scheduledJobId: s.scheduledJobId, systemUserId: uid, state: s.state, scheduledDate: s.scheduledDate };
    });
    return json(201, out);
  });

  ctx.list("/api/v2/bulk/userstates", (req, org, p) => {
    const uid = req.query.get("userid");
    const rows = [...org.scheduledStates.values()]
      .filter((s) => !uid || s.systemUserId === uid)
      .map((s) => ({
        scheduledJobId: s.scheduledJobId,
        systemUserId: s.systemUserId,
        state: s.state,
        scheduledDate: s.scheduledDate,
      }));
    return v2List(rows, p);
  });

  ctx.route("DELETE", "/api/v2/bulk/userstates/:id", (req, org) => {
    if (!org.scheduledStates.delete(req.params.id)) return notFound("scheduled job");
    return { status: 204 };
  });
}
