// v1 system users: /api/systemusers and the search route.

import { discard, type JcCore, json, op, type V1Filter, type V1ListQuery, v1Page, withStableSort } from "../core";
import type { components as V1Components } from "../generated/v1";
import { type AllPagesOptions, allPages, type Page } from "../paging";
import * as S from "../schemas";

export interface SearchUsersBody {
  filter?: { and?: Record<string, unknown>[]; or?: Record<string, unknown>[] };
  searchFilter?: { searchTerm: string | string[]; fields?: string[] };
  fields?: string;
}

export type SystemUserPutPost = V1Components["schemas"]["systemuserputpost"];
export type SystemUserPut = Omit<V1Components["schemas"]["systemuserput"], "state" | "mfa"> & {
  state?: "ACTIVATED" | "SUSPENDED";
  mfa?: { exclusion?: boolean; exclusionUntil?: string; exclusionDays?: number };
};

export function listUsers(c: JcCore, q: V1ListQuery = {}): Promise<Page<S.SystemUser>> {
  const call = c.v1.GET("/systemusers", {
    params: { query: withStableSort(q) as never },
    ...op(c, "systemusers_list", true),
  });
  return v1Page(call, S.SystemUserList, "systemusers_list");
}

/** Every user matching the query, pages fetched in parallel. */
export function allUsers(c: JcCore, q: V1Filter = {}, opts?: AllPagesOptions): Promise<S.SystemUser[]> {
  return allPages((skip, limit) => listUsers(c, { ...q, skip, limit }), opts);
}

export function searchUsers(
  c: JcCore,
  body: SearchUsersBody,
  q: { limit?: number; skip?: number; sort?: string } = {},
): Promise<Page<S.SystemUser>> {
  const call = c.v1.POST("/search/systemusers", {
    params: { query: withStableSort(q) as never },
    body: body as never,
    ...op(c, "search_systemusers_post", true),
  });
  return v1Page(call, S.SystemUserList, "search_systemusers_post");
}

/** The user with this exact email, or null. */
export async function findUserByEmail(c: JcCore, email: string): Promise<S.SystemUser | null> {
  // Bounded on purpose: an exact email matches one user, the first is the answer.
  const page = await listUsers(c, { filter: `email:$eq:${email}`, limit: 2 });
  return page.items[0] ?? null;
}

export function getUser(c: JcCore, id: string, fields?: string): Promise<S.SystemUser> {
  const call = c.v1.GET("/systemusers/{id}", {
    params: { path: { id }, query: { fields } },
    ...op(c, "systemusers_get", true),
  });
  return json(call, S.SystemUser, "systemusers_get");
}

export function createUser(c: JcCore, body: SystemUserPutPost): Promise<S.SystemUser> {
  return json(
    c.v1.POST("/systemusers", { body, ...op(c, "systemusers_post", false) }),
    S.SystemUser,
    "systemusers_post",
  );
}

/** PUT is a partial update; sending the same fields twice is harmless. */
export function updateUser(c: JcCore, id: string, body: SystemUserPut): Promise<S.SystemUser> {
  const call = c.v1.PUT("/systemusers/{id}", {
    params: { path: { id } },
    body: body as never,
    ...op(c, "systemusers_put", true),
  });
  return json(call, S.SystemUser, "systemusers_put");
}

export function suspendUser(c: JcCore, id: string) {
  return updateUser(c, id, { state: "SUSPENDED" });
}

/**
 * With clearManagerOnReports, users reporting to this one lose their
 * manager instead of the delete failing with 409.
 */
export function deleteUser(
  c: JcCore,
  id: string,
  opts: { clearManagerOnReports?: boolean } = {},
): Promise<S.SystemUser> {
  const query = opts.clearManagerOnReports ? { cascade_manager: "null" } : {};
  const call = c.v1.DELETE("/systemusers/{id}", {
    params: { path: { id }, query: query as never },
    ...op(c, "systemusers_delete", false),
  });
  return json(call, S.SystemUser, "systemusers_delete");
}

export async function resetMfa(
  c: JcCore,
  id: string,
  body: { exclusion?: boolean; exclusionUntil?: string; exclusionDays?: number } = {},
): Promise<void> {
  const { response } = await c.v1.POST("/systemusers/{id}/resetmfa", {
    params: { path: { id } },
    body: body as never,
    ...op(c, "systemusers_resetmfa", false),
  });
  await discard(response);
}

export async function unlockUser(c: JcCore, id: string): Promise<void> {
  const o = { params: { path: { id } }, ...op(c, "systemusers_unlock", true) };
  await discard((await c.v1.POST("/systemusers/{id}/unlock", o)).response);
}

export async function expirePassword(c: JcCore, id: string): Promise<void> {
  const o = { params: { path: { id } }, ...op(c, "systemusers_expire", true) };
  await discard((await c.v1.POST("/systemusers/{id}/expire", o)).response);
}

/** STAGED → ACTIVATED; email: whether (or where) to send the activation email. */
export async function activateUser(c: JcCore, id: string, email?: boolean | string): Promise<void> {
  const { response } = await c.v1.POST("/systemusers/{id}/state/activate", {
    params: { path: { id } },
    body: (email === undefined ? {} : { email }) as never,
    ...op(c, "systemusers_state_activate", false),
  });
  await discard(response);
}
