// v1 systems: /api/systems and their built-in commands.

import { type JcCore, json, noContent, op, type V1Filter, type V1ListQuery, v1Page, withStableSort } from "../core";
import { type AllPagesOptions, allPages, type Page } from "../paging";
import * as S from "../schemas";

export type BuiltinCommand = "lock" | "restart" | "shutdown" | "erase";

export function listSystems(c: JcCore, q: V1ListQuery = {}): Promise<Page<S.System>> {
  const call = c.v1.GET("/systems", { params: { query: withStableSort(q) as never }, ...op(c, "systems_list", true) });
  return v1Page(call, S.SystemList, "systems_list");
}

export function allSystems(c: JcCore, q: V1Filter = {}, opts?: AllPagesOptions): Promise<S.System[]> {
  return allPages((skip, limit) => listSystems(c, { ...q, skip, limit }), opts);
}

export function getSystem(c: JcCore, id: string): Promise<S.System> {
  return json(
    c.v1.GET("/systems/{id}", { params: { path: { id } }, ...op(c, "systems_get", true) }),
    S.System,
    "systems_get",
  );
}

/** A lock/restart/shutdown/erase is never sent twice: erasing is not undoable. */
export function systemCommand(c: JcCore, systemId: string, command: BuiltinCommand): Promise<void> {
  const operation = `systems_command_builtin_${command}`;
  const o = { params: { path: { system_id: systemId } }, ...op(c, operation, false) };
  const call = {
    lock: () => c.v1.POST("/systems/{system_id}/command/builtin/lock", o),
    restart: () => c.v1.POST("/systems/{system_id}/command/builtin/restart", o),
    shutdown: () => c.v1.POST("/systems/{system_id}/command/builtin/shutdown", o),
    erase: () => c.v1.POST("/systems/{system_id}/command/builtin/erase", o),
  }[command]();
  return noContent(call, operation, [200, 201, 204]);
}
