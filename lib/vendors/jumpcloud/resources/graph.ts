// v2 graph: associations of users, groups and systems, and the traversals the console reads.

import { type JcCore, noContent, op, type PageQuery, v2Page, v2Read } from "../core";
import type { Page } from "../paging";
import * as S from "../schemas";

export type GraphSource = "users" | "usergroups" | "systems" | "systemgroups";

export function listAssociations(
  c: JcCore,
  source: GraphSource,
  id: string,
  targets: S.GraphType[],
  q: PageQuery = {},
): Promise<Page<S.GraphConnection>> {
  // GET /{users|usergroups|systems|systemgroups}/{id}/associations?targets=…
  return v2Read(
    c,
    [source, id, "associations"],
    { ...q, targets },
    S.GraphConnection,
    `graph_${source}AssociationsList`,
  );
}

export function modifyAssociation(c: JcCore, source: GraphSource, id: string, body: S.AssociationOp): Promise<void> {
  const operation = `graph_${source}AssociationsPost`;
  const o = { body: body as never, ...op(c, operation, false) };
  const call = {
    users: () => c.v2.POST("/users/{user_id}/associations", { params: { path: { user_id: id } }, ...o }),
    usergroups: () => c.v2.POST("/usergroups/{group_id}/associations", { params: { path: { group_id: id } }, ...o }),
    systems: () => c.v2.POST("/systems/{system_id}/associations", { params: { path: { system_id: id } }, ...o }),
    systemgroups: () =>
      c.v2.POST("/systemgroups/{group_id}/associations", { params: { path: { group_id: id } }, ...o }),
  }[source]();
  return noContent(call, operation, [200, 204]);
}

/** User groups the user belongs to. */
export function userMemberOf(c: JcCore, userId: string, q: PageQuery = {}): Promise<Page<S.GraphObjectWithPaths>> {
  const o = { params: { path: { user_id: userId }, query: q }, ...op(c, "graph_userMemberOf", true) };
  return v2Page(c.v2.GET("/users/{user_id}/memberof", o), S.GraphObjectWithPaths, "graph_userMemberOf");
}

/** Users in the group, direct and indirect. */
export function userGroupMembership(
  c: JcCore,
  groupId: string,
  q: PageQuery = {},
): Promise<Page<S.GraphObjectWithPaths>> {
  const o = { params: { path: { group_id: groupId }, query: q }, ...op(c, "graph_userGroupMembership", true) };
  return v2Page(c.v2.GET("/usergroups/{group_id}/membership", o), S.GraphObjectWithPaths, "graph_userGroupMembership");
}

/** Systems the user can reach, with the paths that bind them. */
export function userSystems(c: JcCore, userId: string, q: PageQuery = {}): Promise<Page<S.GraphObjectWithPaths>> {
  const o = { params: { path: { user_id: userId }, query: q }, ...op(c, "graph_userTraverseSystem", true) };
  return v2Page(c.v2.GET("/users/{user_id}/systems", o), S.GraphObjectWithPaths, "graph_userTraverseSystem");
}

export function systemMemberOf(c: JcCore, systemId: string, q: PageQuery = {}): Promise<Page<S.GraphObjectWithPaths>> {
  const o = { params: { path: { system_id: systemId }, query: q }, ...op(c, "graph_systemMemberOf", true) };
  return v2Page(c.v2.GET("/systems/{system_id}/memberof", o), S.GraphObjectWithPaths, "graph_systemMemberOf");
}
