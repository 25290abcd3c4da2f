import { json } from "../core/http-server";
import type { SimContext } from "./app";
import { jcError, notFound, parseBody } from "./errors";
import { sortRows, v2Filter, v2List, v2ListOf } from "./query";
import { addMember, forgetNode, removeMember, type JcGroup, type Org } from "./state";
import { MemberOp } from "../../lib/vendors/jumpcloud/schemas";

const METHODS = ["NOTSET", "STATIC", "DYNAMIC_REVIEW_REQUIRED", "DYNAMIC_AUTOMATED"];

interface Kind {
  path: "usergroups" | "systemgroups";
  type: "user_group" | "system_group";
  memberType: "user" | "system";
  map: (org: Org) => Map<string, JcGroup>;
  exists: (org: Org, id: string) => boolean;
}

const KINDS: Kind[] = [
  { path: "usergroups", type: "user_group", memberType: "user", map: (o) => o.userGroups, exists: (o, id) => o.users.has(id) },
  { path: "systemgroups", type: "system_group", memberType: "system", map: (o) => o.systemGroups, exists: (o, id) => o.systems.has(id) },
];

function groupFields(b: Record<string, unknown>, g: JcGroup) {
  if (b.description !== undefined) g.description = String(b.description);
  if (b.email !== undefined) g.email = String(b.email);
  if (b.attributes !== undefined) g.attributes = b.attributes as Record<string, unknown> | null;
  if (b.memberQuery !== undefined) g.memberQuery = b.memberQuery;
  if (b.membershipMethod !== undefined) {
    if (!METHODS.includes(String(b.membershipMethod))) return jcError(400, `membershipMethod must be one of ${METHODS.join(", ")}`);
    g.membershipMethod = String(b.membershipMethod);
  }
  return null;
}

export function registerGroupRoutes(ctx: SimContext) {
  for (const k of KINDS) {
    const base = `/api/v2/${k.path}`;
    const label = k.type === "user_group" ? "user group" : "system group";
    const nameTaken = (org: Org, name: string, except?: string) => [...k.map(org).values()].some((g) => g.name === name && g.id !== except);

    ctx.list(base, (req, org, p) => {
      const pred = v2Filter(req.query);
      const rows = sortRows([...k.map(org).values()].filter((g) => pred(g as unknown as Record<string, unknown>)) as unknown as Record<string, unknown>[], req.query.get("sort"), /,/);
      return v2List(rows, p);
    });

    ctx.route("POST", base, (req, org) => {
      const b = (parseBody(req.body) ?? {}) as Record<string, unknown>;
      if (typeof b.name !== "string" || !b.name.trim()) return jcError(400, "name is required");
      if (nameTaken(org, b.name)) return jcError(409, `a ${label} named '${b.name}' already exists`);
      const g: JcGroup = { id: ctx.state.ids.next(), name: b.name, type: k.type, description: "", email: "", attributes: null, membershipMethod: "STATIC", memberQuery: null };
      const bad = groupFields(b, g);
      if (bad) return bad;
      k.map(org).set(g.id, g);
      return json(201, g);
    });

    ctx.route("GET", `${base}/:id`, (req, org) => {
      const g = k.map(org).get(req.params.id);
      return g ? json(200, g) : notFound(label);
    });

    ctx.route("PUT", `${base}/:id`, (req, org) => {
      const g = k.map(org).get(req.params.id);
      if (!g) return notFound(label);
      const b = (parseBody(req.body) ?? {}) as Record<string, unknown>;
      if (typeof b.name !== "string" || !b.name.trim()) return jcError(400, "name is required");
      if (nameTaken(org, b.name, g.id)) return jcError(409, `a ${label} named '${b.name}' already exists`);
      const draft = { ...g, name: b.name };
      const bad = groupFields(b, draft);
      if (bad) return bad;
      k.map(org).set(g.id, draft);
      return json(200, draft);
    });

    ctx.route("DELETE", `${base}/:id`, (req, org) => {
      const g = k.map(org).get(req.params.id);
      if (!g) return notFound(label);
      k.map(org).delete(g.id);
      forgetNode(org, k.type, g.id);
      return json(200, g);
    });

    ctx.list(`${base}/:group_id/members`, (req, org, p) => {
      if (!k.map(org).has(req.params.group_id)) return notFound(label);
      const members = org.members.get(req.params.group_id) ?? new Set<string>();
      return v2ListOf(members, members.size, p, (id) => ({ to: { id, type: k.memberType, attributes: null }, attributes: null }));
    });

    ctx.route("POST", `${base}/:group_id/members`, (req, org) => {
      const gid = req.params.group_id;
      if (!k.map(org).has(gid)) return notFound(label);
      const parsed = MemberOp.safeParse(parseBody(req.body));
      if (!parsed.success) return jcError(400, `invalid member operation: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      const { op, type, id } = parsed.data;
      if (type !== k.memberType) return jcError(400, `type must be '${k.memberType}' for ${k.path} members`);
      if (!k.exists(org, id)) return notFound(k.memberType);
      const isMember = org.members.get(gid)?.has(id) ?? false;
      if (op === "add") {
        if (isMember) return jcError(409, `${k.memberType} ${id} is already a member of ${label} ${gid}`);
        addMember(org, gid, id);
      } else {
        if (!isMember) return jcError(404, `${k.memberType} ${id} is not a member of ${label} ${gid}`);
        removeMember(org, gid, id);
      }
      return { status: 204 };
    });
  }
}
