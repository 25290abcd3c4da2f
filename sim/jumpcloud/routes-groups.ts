import { json } from "../core/http-server";
import type { SimContext } from "./app";
import { jcError, notFound } from "./errors";
import { sortRows, v2Filter, v2List, v2ListOf } from "./query";
import { addMember, forgetNode, type JcGroup, type Org, removeMember } from "./state";

/** v2 UserGroupPost/Put and SystemGroupPost/Put, as the documents type them (checked before the handler runs). */
interface GroupBody {
  name: string;
  description?: string;
  email?: string;
  attributes?: Record<string, unknown>;
  memberQuery?: unknown;
  membershipMethod?: string;
}

/** v2 GraphOperation (UserGroup-Member / SystemGroup-Member): type is the group's member type. */
interface MemberOperation {
  op: "add" | "remove" | "update";
  type: string;
  id: string;
}

interface Kind {
  path: "usergroups" | "systemgroups";
  type: "user_group" | "system_group";
  memberType: "user" | "system";
  map: (org: Org) => Map<string, JcGroup>;
  exists: (org: Org, id: string) => boolean;
}

const KINDS: Kind[] = [
  {
    path: "usergroups",
    type: "user_group",
    memberType: "user",
    map: (o) => o.userGroups,
    exists: (o, id) => o.users.has(id),
  },
  {
    path: "systemgroups",
    type: "system_group",
    memberType: "system",
    map: (o) => o.systemGroups,
    exists: (o, id) => o.systems.has(id),
  },
];

function groupFields(b: GroupBody, g: JcGroup) {
  if (b.description !== undefined) g.description = b.description;
  if (b.email !== undefined) g.email = b.email;
  if (b.attributes !== undefined) g.attributes = b.attributes;
  if (b.memberQuery !== undefined) g.memberQuery = b.memberQuery;
  if (b.membershipMethod !== undefined) g.membershipMethod = b.membershipMethod;
}

export function registerGroupRoutes(ctx: SimContext) {
  for (const k of KINDS) {
    const base = `/api/v2/${k.path}`;
    const label = k.type === "user_group" ? "user group" : "system group";
    const nameTaken = (org: Org, name: string, except?: string) =>
      [...k.map(org).values()].some((g) => g.name === name && g.id !== except);

    ctx.list(base, (req, org, p) => {
      const pred = v2Filter(req.query);
      const rows = sortRows(
        [...k.map(org).values()].filter((g) => pred(g as unknown as Record<string, unknown>)) as unknown as Record<
          string,
          unknown
        >[],
        req.query.get("sort"),
        /,/,
      );
      return v2List(rows, p);
    });

    ctx.route("POST", base, (_req, org, body) => {
      const b = body as GroupBody;
      if (!b.name.trim()) return jcError(400, "name is required");
      if (nameTaken(org, b.name)) return jcError(409, `a ${label} named '${b.name}' already exists`);
      const g: JcGroup = {
        id: ctx.state.ids.next(),
        name: b.name,
        type: k.type,
        description: "",
        email: "",
        attributes: null,
        membershipMethod: "STATIC",
        memberQuery: null,
      };
      groupFields(b, g);
      k.map(org).set(g.id, g);
      return json(201, g);
    });

    ctx.route("GET", `${base}/:id`, (req, org) => {
      const g = k.map(org).get(req.params.id);
      return g ? json(200, g) : notFound(label);
    });

    ctx.route("PUT", `${base}/:id`, (req, org, body) => {
      const g = k.map(org).get(req.params.id);
      if (!g) return notFound(label);
      const b = body as GroupBody;
      if (!b.name.trim()) return jcError(400, "name is required");
      if (nameTaken(org, b.name, g.id)) return jcError(409, `a ${label} named '${b.name}' already exists`);
      const draft = { ...g, name: b.name };
      groupFields(b, draft);
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
      return v2ListOf(members, members.size, p, (id) => ({
        to: { id, type: k.memberType, attributes: null },
        attributes: null,
      }));
    });

    ctx.route("POST", `${base}/:group_id/members`, (req, org, body) => {
      const gid = req.params.group_id;
      if (!k.map(org).has(gid)) return notFound(label);
      // The documented enum allows only the group's member type.
      const { op, id } = body as MemberOperation;
      if (!k.exists(org, id)) return notFound(k.memberType);
      const isMember = org.members.get(gid)?.has(id) ?? false;
      if (op === "add") {
        if (isMember) return jcError(409, `${k.memberType} ${id} is already a member of ${label} ${gid}`);
        addMember(org, gid, id);
      } else {
        if (!isMember) return jcError(404, `${k.memberType} ${id} is not a member of ${label} ${gid}`);
        // update: the GraphOperation enum allows it here too; a membership has no attributes the simulator keeps.
        if (op === "remove") removeMember(org, gid, id);
      }
      return { status: 204 };
    });
  }
}
