import { createHash } from "node:crypto";
import { json } from "../core/http-server";
import type { SimContext } from "./app";
import { jcError, notFound, SimFailure } from "./errors";
import type { ListPage } from "./list-params";
import { hasV1Filter, keepsIdOrder, project, type Row, sliceOf, sortRows, v1Filter } from "./query";
import { forgetNode, type JcUser, type MfaStatus, type Org, type UserState } from "./state";

const DAY = 86_400_000;

/** v1 systemusers_resetmfa_request, as the documents type it (checked before the handler runs). */
interface ResetMfa {
  exclusion?: boolean;
  exclusionDays?: number;
  exclusionUntil?: string;
}

export function userReturn(u: JcUser): Row {
  const { organization: _org, ...rest } = u;
  return { ...rest, id: u._id, organization: u.organization };
}

function findUser(org: Org, id: string): JcUser {
  const u = org.users.get(id);
  if (!u) throw new SimFailure(notFound("user"));
  return u;
}

function overall(u: JcUser): MfaStatus {
  const e = u.mfaEnrollment;
  return [e.totpStatus, e.pushStatus, e.webAuthnStatus].includes("ENROLLED") ? "ENROLLED" : e.totpStatus;
}

function assertUnique(org: Org, username: unknown, email: unknown, except?: string) {
  for (const u of org.users.values()) {
    if (u._id === except) continue;
    if (username !== undefined && u.username === username)
      throw new SimFailure(jcError(400, `username '${String(username)}' already exists`));
    if (email !== undefined && u.email.toLowerCase() === String(email).toLowerCase())
      throw new SimFailure(jcError(400, `email '${String(email)}' already exists`));
  }
}

const STRING_FIELDS = ["username", "email", "firstname", "lastname", "displayname", "department", "jobTitle"] as const;

/** systemuserput: a partial update. state may only be ACTIVATED or SUSPENDED. */
export function applyUserPut(org: Org, u: JcUser, b: Row) {
  if (b.username !== undefined || b.email !== undefined) assertUnique(org, b.username, b.email, u._id);
  if (b.alternateEmail !== undefined) {
    if (typeof b.alternateEmail !== "string" || (b.alternateEmail && !/^[^@\s]+@[^@\s]+$/.test(b.alternateEmail)))
      throw new SimFailure(jcError(400, "alternateEmail must be an email address"));
    u.alternateEmail = b.alternateEmail;
  }
  for (const f of STRING_FIELDS) {
    if (b[f] === undefined) continue;
    if (typeof b[f] !== "string" || ((f === "username" || f === "email") && !b[f]))
      throw new SimFailure(jcError(400, `${f} must be a non-empty string`));
    u[f] = b[f] as string;
  }
  if (b.state !== undefined) {
    if (b.state !== "ACTIVATED" && b.state !== "SUSPENDED")
      throw new SimFailure(jcError(400, "state must be one of ACTIVATED, SUSPENDED"));
    if (b.state === "ACTIVATED" && u.state === "STAGED")
      throw new SimFailure(jcError(400, "a STAGED user is activated through /systemusers/{id}/state/activate"));
    u.state = b.state;
    u.suspended = b.state === "SUSPENDED";
  }
  if (b.suspended !== undefined) {
    u.suspended = Boolean(b.suspended);
    if (u.state !== "STAGED") u.state = u.suspended ? "SUSPENDED" : "ACTIVATED";
  }
  if (b.account_locked !== undefined) {
    u.account_locked = Boolean(b.account_locked);
    u.account_locked_date = u.account_locked ? new Date().toISOString() : null;
    if (!u.account_locked) u.badLoginAttempts = 0;
  }
  for (const f of ["password_never_expires", "enable_user_portal_multifactor", "externally_managed"] as const)
    if (b[f] !== undefined) u[f] = Boolean(b[f]);
  if (b.manager !== undefined) {
    if (b.manager !== null && !org.users.has(String(b.manager)))
      throw new SimFailure(jcError(400, "manager must be an existing user id"));
    u.manager = b.manager === null ? null : String(b.manager);
  }
  if (b.mfa !== undefined) {
    const m = b.mfa as Row;
    if (m.exclusion !== undefined) u.mfa.exclusion = Boolean(m.exclusion);
    if (m.exclusionUntil !== undefined) u.mfa.exclusionUntil = String(m.exclusionUntil);
    if (m.exclusionDays !== undefined) u.mfa.exclusionDays = Number(m.exclusionDays);
    if (!u.mfa.exclusion) {
      delete u.mfa.exclusionUntil;
      delete u.mfa.exclusionDays;
    }
  }
  if (b.password !== undefined) {
    if (typeof b.password !== "string" || !b.password) throw new SimFailure(jcError(400, "password must be a string"));
    org.passwords.set(u._id, createHash("sha256").update(b.password).digest("hex"));
    u.password_date = new Date().toISOString();
    u.password_expired = false;
    u.password_expiration_date = null;
  }
  if (Array.isArray(b.attributes))
    u.attributes = (b.attributes as Row[]).map((a) => ({ name: String(a.name), value: String(a.value) }));
  u.displayname = typeof b.displayname === "string" ? b.displayname : u.displayname;
}

export function createUser(org: Org, id: string, b: Row, defaultState: UserState): JcUser {
  if (typeof b.username !== "string" || !b.username) throw new SimFailure(jcError(400, "username is required"));
  if (typeof b.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(b.email))
    throw new SimFailure(jcError(400, "email is required and must be an email address"));
  assertUnique(org, b.username, b.email);
  const state = (b.state ?? defaultState) as UserState;
  if (!["STAGED", "ACTIVATED", "SUSPENDED"].includes(state))
    throw new SimFailure(jcError(400, "state must be one of STAGED, ACTIVATED, SUSPENDED"));
  const first = typeof b.firstname === "string" ? b.firstname : "";
  const last = typeof b.lastname === "string" ? b.lastname : "";
  const u: JcUser = {
    _id: id,
    username: b.username,
    email: b.email,
    firstname: first,
    lastname: last,
    displayname: typeof b.displayname === "string" ? b.displayname : `${first} ${last}`.trim(),
    department: "",
    jobTitle: "",
    manager: null,
    state,
    activated: state !== "STAGED",
    suspended: state === "SUSPENDED",
    account_locked: false,
    account_locked_date: null,
    badLoginAttempts: 0,
    password_expired: false,
    password_expiration_date: null,
    password_never_expires: false,
    totp_enabled: false,
    enable_user_portal_multifactor: false,
    mfa: { configured: false, exclusion: false },
    mfaEnrollment: {
      overallStatus: "NOT_ENROLLED",
      totpStatus: "NOT_ENROLLED",
      webAuthnStatus: "NOT_ENROLLED",
      pushStatus: "NOT_ENROLLED",
    },
    attributes: [],
    externally_managed: false,
    created: new Date().toISOString(),
    organization: org.id,
  };
  const { state: _s, username: _u, email: _e, ...rest } = b;
  applyUserPut(org, u, rest);
  org.users.set(id, u);
  return u;
}

export function unlockUser(u: JcUser) {
  u.account_locked = false;
  u.account_locked_date = null;
  u.badLoginAttempts = 0;
}

export function expirePassword(u: JcUser) {
  u.password_expired = true;
  u.password_expiration_date = new Date().toISOString();
}

export function registerUserRoutes(ctx: SimContext) {
  const list = (org: Org, q: URLSearchParams, { limit, skip }: ListPage, extra?: (u: Row) => boolean) => {
    if (!hasV1Filter(q) && !extra && keepsIdOrder(q.get("sort"))) {
      // A plain page in stored order is taken without copying the directory.
      return json(200, {
        totalCount: org.users.size,
        results: sliceOf(org.users.values(), skip, limit).map((u) => project(userReturn(u), q.get("fields"))),
      });
    }
    const pred = v1Filter(q);
    const users = [...org.users.values()];
    // Only a filter looks at every user in the answer's shape; a plain page
    // shapes its own hundred, not the whole directory on every request.
    const filtered =
      hasV1Filter(q) || extra ? users.map(userReturn).filter((r) => pred(r) && (!extra || extra(r))) : users;
    // The answer's shape adds only `id` (a copy of _id, which sorting ignores), so either form sorts the same.
    const rows = sortRows(filtered as Row[], q.get("sort"), /\s+/);
    const shape = (r: Row) => (filtered === users ? userReturn(r as unknown as JcUser) : r);
    return json(200, {
      totalCount: rows.length,
      results: rows.slice(skip, skip + limit).map((r) => project(shape(r), q.get("fields"))),
    });
  };

  ctx.list("/api/systemusers", (req, org, p) => list(org, req.query, p));
  const readSearchPage = ctx.pageReader("POST", "/api/search/systemusers");

  ctx.route("POST", "/api/search/systemusers", (req, org, body) => {
    const b = body as Row;
    const q = new URLSearchParams(req.query);
    for (const k of ["limit", "skip", "sort"] as const) if (!q.has(k) && b[k] !== undefined) q.set(k, String(b[k]));
    if (!q.has("fields") && typeof b.fields === "string") q.set("fields", b.fields);
    const f = (b.filter ?? {}) as { and?: Row[]; or?: Row[] };
    const match = (r: Row, cond: Row) => Object.entries(cond).every(([k, v]) => String(r[k] ?? "") === String(v));
    const sf = b.searchFilter as { searchTerm?: string | string[]; fields?: string[] } | undefined;
    const terms =
      sf?.searchTerm === undefined
        ? []
        : (Array.isArray(sf.searchTerm) ? sf.searchTerm : [sf.searchTerm]).map((t) => t.toLowerCase());
    const fields = sf?.fields?.length ? sf.fields : ["username", "email", "firstname", "lastname", "displayname"];
    return list(
      org,
      q,
      readSearchPage(q),
      (r) =>
        (!f.and || f.and.every((c) => match(r, c))) &&
        (!f.or || f.or.some((c) => match(r, c))) &&
        (terms.length === 0 ||
          terms.some((t) =>
            fields.some((fl) =>
              String(r[fl] ?? "")
                .toLowerCase()
                .includes(t),
            ),
          )),
    );
  });

  ctx.route("POST", "/api/systemusers", (_req, org, body) =>
    json(200, userReturn(createUser(org, ctx.state.ids.next(), body as Row, "ACTIVATED"))),
  );

  ctx.route("GET", "/api/systemusers/:id", (req, org) =>
    json(200, project(userReturn(findUser(org, req.params.id)), req.query.get("fields"))),
  );

  ctx.route("PUT", "/api/systemusers/:id", (req, org, body) => {
    const u = findUser(org, req.params.id);
    // Validate on a copy so a refused update changes nothing.
    const draft = structuredClone(u);
    applyUserPut(org, draft, body as Row);
    org.users.set(u._id, draft);
    return json(200, userReturn(draft));
  });

  ctx.route("DELETE", "/api/systemusers/:id", (req, org) => {
    const u = findUser(org, req.params.id);
    const reports = [...org.users.values()].filter((x) => x.manager === u._id);
    if (reports.length > 0) {
      if (req.query.get("cascade_manager") !== "null")
        return jcError(
          409,
          `user is the manager of ${reports.length} user(s); delete with cascade_manager=null to clear their manager`,
        );
      for (const r of reports) r.manager = null;
    }
    org.users.delete(u._id);
    forgetNode(org, "user", u._id);
    org.pushEndpoints.delete(u._id);
    return json(200, userReturn(u));
  });

  ctx.route("POST", "/api/systemusers/:id/resetmfa", (req, org, body) => {
    const u = findUser(org, req.params.id);
    const b = body as ResetMfa;
    const exclusion = b.exclusion === undefined ? true : Boolean(b.exclusion);
    // The user gets a window to enrol TOTP again; after it, TOTP-protected resources lock them out.
    u.totp_enabled = false;
    u.mfa = { configured: false, exclusion };
    if (exclusion) {
      const until =
        b.exclusionUntil !== undefined
          ? new Date(b.exclusionUntil)
          : new Date(Date.now() + (b.exclusionDays ?? 7) * DAY);
      u.mfa.exclusionUntil = until.toISOString();
      if (b.exclusionDays !== undefined) u.mfa.exclusionDays = b.exclusionDays;
    }
    u.mfaEnrollment.totpStatus = "PENDING_ACTIVATION";
    u.mfaEnrollment.overallStatus = overall(u);
    return { status: 200, body: "", headers: { "content-type": "text/plain; charset=utf-8" } };
  });

  ctx.route("POST", "/api/systemusers/:id/unlock", (req, org) => {
    unlockUser(findUser(org, req.params.id));
    return { status: 200, body: "", headers: { "content-type": "text/plain; charset=utf-8" } };
  });

  ctx.route("POST", "/api/systemusers/:id/expire", (req, org) => {
    expirePassword(findUser(org, req.params.id));
    return { status: 200, body: "", headers: { "content-type": "text/plain; charset=utf-8" } };
  });

  ctx.route("POST", "/api/systemusers/:id/state/activate", (req, org) => {
    const u = findUser(org, req.params.id);
    if (u.state !== "STAGED") return jcError(400, `user is ${u.state}; only STAGED users can be activated`);
    u.state = "ACTIVATED";
    u.activated = true;
    u.suspended = false;
    return { status: 200, body: "", headers: { "content-type": "text/plain; charset=utf-8" } };
  });
}
