import { json } from "../core/http-server";
import type { SimContext } from "./app";
import { notFound } from "./errors";
import { hasV1Filter, keepsIdOrder, project, sliceOf, sortRows, v1Filter } from "./query";

const BUILTIN = ["lock", "restart", "shutdown", "erase"] as const;

export function registerSystemRoutes(ctx: SimContext) {
  ctx.list("/api/systems", (req, org, { limit, skip }) => {
    const fields = req.query.get("fields");
    // A plain page in stored order (what a full read asks for) is taken as it
    // is: neither testing nor copying 100,000 systems for every page.
    if (!hasV1Filter(req.query) && keepsIdOrder(req.query.get("sort"))) {
      const rows = sliceOf(org.systems.values(), skip, limit) as unknown as Record<string, unknown>[];
      return json(200, { totalCount: org.systems.size, results: rows.map((r) => project(r, fields)) });
    }
    const pred = v1Filter(req.query);
    let rows = [...org.systems.values()].filter((s) =>
      pred(s as unknown as Record<string, unknown>),
    ) as unknown as Record<string, unknown>[];
    rows = sortRows(rows, req.query.get("sort"), /\s+/);
    return json(200, {
      totalCount: rows.length,
      results: rows.slice(skip, skip + limit).map((r) => project(r, fields)),
    });
  });

  ctx.route("GET", "/api/systems/:id", (req, org) => {
    const s = org.systems.get(req.params.id);
    return s
      ? json(200, project(s as unknown as Record<string, unknown>, req.query.get("fields")))
      : notFound("system");
  });

  for (const command of BUILTIN) {
    ctx.route("POST", `/api/systems/:system_id/command/builtin/${command}`, (req, org) => {
      const s = org.systems.get(req.params.system_id);
      if (!s) return notFound("system");
      org.commands.push({ target: `system:${s._id}`, command, at: new Date().toISOString() });
      return { status: 201 };
    });
  }
}
