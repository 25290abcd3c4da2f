// v2 user and system groups, and their members: /api/v2/usergroups and /api/v2/systemgroups.

import { type JcCore, json, noContent, op, type PageQuery, v2Page, v2Read, withStableSort } from "../core";
import { type AllPagesOptions, allPages, type Page } from "../paging";
import * as S from "../schemas";

export type GroupKind = "user" | "system";

export interface V2ListQuery {
  limit?: number;
  skip?: number;
  /** Comma-separated; `-field` descending. */
  sort?: string;
  /**
   * `field:eq:value`; several are ANDed, sent as one comma-separated filter
   * (v2 spec: style form, explode false), so a value must hold no comma.
   */
  filter?: string | string[];
}

export interface GroupInput {
  name: string;
  description?: string;
  email?: string;
  attributes?: Record<string, unknown>;
  membershipMethod?: "NOTSET" | "STATIC" | "DYNAMIC_REVIEW_REQUIRED" | "DYNAMIC_AUTOMATED";
}

export function listGroups(c: JcCore, kind: GroupKind, q: V2ListQuery = {}): Promise<Page<S.Group>> {
  const o = { params: { query: withStableSort(q) as never }, ...op(c, `groups_${kind}_list`, true) };
  const call = kind === "user" ? c.v2.GET("/usergroups", o) : c.v2.GET("/systemgroups", o);
  return v2Page(call, S.Group, `groups_${kind}_list`);
}

export function allGroups(
  c: JcCore,
  kind: GroupKind,
  q: Omit<V2ListQuery, "limit" | "skip"> = {},
  opts?: AllPagesOptions,
): Promise<S.Group[]> {
  return allPages((skip, limit) => listGroups(c, kind, { ...q, skip, limit }), opts);
}

export function createGroup(c: JcCore, kind: GroupKind, body: GroupInput): Promise<S.Group> {
  const o = { body: body as never, ...op(c, `groups_${kind}_post`, false) };
  const call = kind === "user" ? c.v2.POST("/usergroups", o) : c.v2.POST("/systemgroups", o);
  return json(call, S.Group, `groups_${kind}_post`);
}

export function getGroup(c: JcCore, kind: GroupKind, id: string): Promise<S.Group> {
  const o = { params: { path: { id } }, ...op(c, `groups_${kind}_get`, true) };
  const call = kind === "user" ? c.v2.GET("/usergroups/{id}", o) : c.v2.GET("/systemgroups/{id}", o);
  return json(call, S.Group, `groups_${kind}_get`);
}

/** PUT replaces the group; name is required. */
export function updateGroup(c: JcCore, kind: GroupKind, id: string, body: GroupInput): Promise<S.Group> {
  const o = { params: { path: { id } }, body: body as never, ...op(c, `groups_${kind}_put`, true) };
  const call = kind === "user" ? c.v2.PUT("/usergroups/{id}", o) : c.v2.PUT("/systemgroups/{id}", o);
  return json(call, S.Group, `groups_${kind}_put`);
}

/** Answers 200 with the group or 204; both mean deleted. */
export function deleteGroup(c: JcCore, kind: GroupKind, id: string): Promise<void> {
  const o = { params: { path: { id } }, ...op(c, `groups_${kind}_delete`, false) };
  const call = kind === "user" ? c.v2.DELETE("/usergroups/{id}", o) : c.v2.DELETE("/systemgroups/{id}", o);
  return noContent(call, `groups_${kind}_delete`, [200, 204]);
}

export function listGroupMembers(
  c: JcCore,
  kind: GroupKind,
  groupId: string,
  q: PageQuery = {},
): Promise<Page<S.GraphConnection>> {
  // GET /usergroups/{group_id}/members or /systemgroups/{group_id}/members.
  const segments = [kind === "user" ? "usergroups" : "systemgroups", groupId, "members"];
  return v2Read(c, segments, q, S.GraphConnection, `graph_${kind}GroupMembersList`);
}

/** add/remove one member; adding an existing member is a 409. */
export function modifyGroupMembers(
  c: JcCore,
  kind: GroupKind,
  groupId: string,
  change: "add" | "remove",
  memberId: string,
): Promise<void> {
  const operation = `graph_${kind}GroupMembersPost`;
  const o = {
    params: { path: { group_id: groupId } },
    body: { op: change, type: kind, id: memberId } as never,
    ...op(c, operation, false),
  };
  const call =
    kind === "user" ? c.v2.POST("/usergroups/{group_id}/members", o) : c.v2.POST("/systemgroups/{group_id}/members", o);
  return noContent(call, operation, [200, 204]);
}
