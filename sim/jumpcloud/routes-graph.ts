import { paramOf } from "../core/http-server";
import type { SimContext } from "./app";
import { jcError, notFound } from "./errors";
import { csvParam } from "./list-params";
import { v2List, v2ListOf } from "./query";
import { associate, dissociate, nodeKey, type Org } from "./state";

type NodeType = "user" | "user_group" | "system" | "system_group";

const DIRECTORY_TARGETS = ["active_directory", "application", "g_suite", "ldap_server", "office_365", "radius_server"];
const SOURCES: { path: string; param: string; type: NodeType; targets: string[] }[] = [
  { path: "users", param: "user_id", type: "user", targets: [...DIRECTORY_TARGETS, "system", "system_group"] },
  {
    path: "usergroups",
    param: "group_id",
    type: "user_group",
    targets: [...DIRECTORY_TARGETS, "system", "system_group"],
  },
  {
    path: "systems",
    param: "system_id",
    type: "system",
    targets: ["command", "policy", "policy_group", "user", "user_group"],
  },
  {
    path: "systemgroups",
    param: "group_id",
    type: "system_group",
    targets: ["command", "policy", "policy_group", "user", "user_group"],
  },
];

function exists(org: Org, type: string, id: string): boolean {
  switch (type) {
    case "user":
      return org.users.has(id);
    case "user_group":
      return org.userGroups.has(id);
    case "system":
      return org.systems.has(id);
    case "system_group":
      return org.systemGroups.has(id);
    // Objects the simulator does not model (applications, directories, commands, policies).
    default:
      return false;
  }
}

/** v2 GraphOperation (User / UserGroup / System / SystemGroup): type is one of the source's documented targets. */
interface AssociationOperation {
  op: "add" | "remove" | "update";
  type: string;
  id: string;
  attributes?: Record<string, unknown>;
}

const splitKey = (key: string) => {
  const i = key.indexOf(":");
  return { type: key.slice(0, i), id: key.slice(i + 1) };
};

const edge = (
  from: { id: string; type: string },
  to: { id: string; type: string },
  attributes: Record<string, unknown> | null = null,
) => ({ from: { ...from, attributes: null }, to: { ...to, attributes: null }, attributes });

/** Objects reachable from a node, each with every path that reaches it (GraphObjectWithPaths). */
class Reach {
  private found = new Map<string, { id: string; type: string; paths: ReturnType<typeof edge>[][] }>();
  add(to: { id: string; type: string }, path: ReturnType<typeof edge>[]) {
    const key = nodeKey(to.type, to.id);
    const f = this.found.get(key) ?? { ...to, paths: [] };
    f.paths.push(path);
    this.found.set(key, f);
  }
  list() {
    return [...this.found.values()].map((f) => ({
      id: f.id,
      type: f.type,
      compiledAttributes: compile(f.paths),
      paths: f.paths,
    }));
  }
}

function compile(paths: ReturnType<typeof edge>[][]): Record<string, unknown> | null {
  const sudo = paths
    .flat()
    .map((e) => e.attributes?.sudo)
    .find(Boolean);
  return sudo ? { sudo } : null;
}

function neighbours(org: Org, type: string, id: string) {
  return [...(org.associations.get(nodeKey(type, id)) ?? [])].map(([k, attributes]) => ({
    ...splitKey(k),
    attributes,
  }));
}

/** Systems bound to a user: directly, via a system group, via the user's groups. */
function userSystems(org: Org, userId: string) {
  const reach = new Reach();
  const user = { id: userId, type: "user" };
  const viaNode = (prefix: ReturnType<typeof edge>[], from: { id: string; type: string }) => {
    for (const n of neighbours(org, from.type, from.id)) {
      if (n.type === "system") reach.add(n, [...prefix, edge(from, n, n.attributes)]);
      if (n.type === "system_group") {
        for (const sid of org.members.get(n.id) ?? [])
          reach.add({ id: sid, type: "system" }, [
            ...prefix,
            edge(from, n, n.attributes),
            edge(n, { id: sid, type: "system" }),
          ]);
      }
    }
  };
  viaNode([], user);
  for (const gid of org.memberOf.get(userId) ?? []) {
    const g = { id: gid, type: "user_group" };
    if (org.userGroups.has(gid)) viaNode([edge(user, g)], g);
  }
  return reach.list();
}

export function registerGraphRoutes(ctx: SimContext) {
  for (const s of SOURCES) {
    // Typed as a plain path: its parameter's name (user_id, group_id, system_id) is the spec's, chosen per source.
    const base: string = `/api/v2/${s.path}/:${s.param}`;

    ctx.list(`${base}/associations`, (req, org, p) => {
      const id = paramOf(req, s.param);
      if (!exists(org, s.type, id)) return notFound(s.type);
      // v2 spec: targets is style form, explode false: targets=system,system_group.
      const targets = csvParam(req.query, "targets");
      if (targets.length === 0) return jcError(400, "targets is required");
      const bad = targets.find((t) => !s.targets.includes(t));
      if (bad) return jcError(400, `invalid target '${bad}'; expected one of ${s.targets.join(", ")}`);
      const from = { id, type: s.type };
      const rows = neighbours(org, s.type, id)
        .filter((n) => targets.includes(n.type))
        .map((n) => edge(from, n, n.attributes));
      return v2List(rows, p);
    });

    ctx.route("POST", `${base}/associations`, (req, org, body) => {
      const id = paramOf(req, s.param);
      if (!exists(org, s.type, id)) return notFound(s.type);
      const { op, type, id: other, attributes } = body as AssociationOperation;
      if (!exists(org, type, other)) return notFound(type);
      const a = nodeKey(s.type, id);
      const b = nodeKey(type, other);
      const present = org.associations.get(a)?.has(b) ?? false;
      if (op === "add") {
        if (present) return jcError(409, `${s.type} ${id} is already associated with ${type} ${other}`);
        associate(org, a, b, attributes ?? null);
      } else if (!present) {
        return jcError(404, `${s.type} ${id} is not associated with ${type} ${other}`);
      } else if (op === "remove") {
        dissociate(org, a, b);
      } else {
        associate(org, a, b, attributes ?? null);
      }
      return { status: 204 };
    });
  }

  ctx.list("/api/v2/users/:user_id/memberof", (req, org, p) => {
    const uid = req.params.user_id;
    if (!org.users.has(uid)) return notFound("user");
    const user = { id: uid, type: "user" };
    const rows = [...(org.memberOf.get(uid) ?? [])]
      .filter((g) => org.userGroups.has(g))
      .map((gid) => ({
        id: gid,
        type: "user_group",
        compiledAttributes: null,
        paths: [[edge(user, { id: gid, type: "user_group" })]],
      }));
    return v2List(rows, p);
  });

  ctx.list("/api/v2/systems/:system_id/memberof", (req, org, p) => {
    const sid = req.params.system_id;
    if (!org.systems.has(sid)) return notFound("system");
    const sys = { id: sid, type: "system" };
    const rows = [...(org.memberOf.get(sid) ?? [])]
      .filter((g) => org.systemGroups.has(g))
      .map((gid) => ({
        id: gid,
        type: "system_group",
        compiledAttributes: null,
        paths: [[edge(sys, { id: gid, type: "system_group" })]],
      }));
    return v2List(rows, p);
  });

  ctx.list("/api/v2/usergroups/:group_id/membership", (req, org, p) => {
    const gid = req.params.group_id;
    if (!org.userGroups.has(gid)) return notFound("user group");
    const group = { id: gid, type: "user_group" };
    const members = org.members.get(gid) ?? new Set<string>();
    return v2ListOf(members, members.size, p, (uid) => ({
      id: uid,
      type: "user",
      compiledAttributes: null,
      paths: [[edge(group, { id: uid, type: "user" })]],
    }));
  });

  ctx.list("/api/v2/users/:user_id/systems", (req, org, p) => {
    const uid = req.params.user_id;
    if (!org.users.has(uid)) return notFound("user");
    return v2List(userSystems(org, uid), p);
  });
}
