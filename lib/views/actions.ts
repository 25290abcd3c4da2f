"use server";
import { z } from "zod";
import { ActionDenied, ActionError, action } from "../actions/action";
import { can } from "../auth/permissions";
import { TABLE_KEY, viewQuery } from "./view-query";

const SaveInput = z.object({
  tenantId: z.string().min(1),
  table: z.string().max(60).regex(TABLE_KEY),
  name: z.string().trim().min(1, "Give the view a name.").max(80),
  query: z.string().max(2000),
  shared: z.boolean().default(false),
});

/**
 * Saves the current table URL under a name. A private view needs only read
 * access (it changes nothing but the saver's own list); sharing it with the
 * tenant needs views.share. A view of the same name and owner is replaced.
 */
export const saveTableView = action(
  {
    name: "view.saved",
    perm: "console.read",
    input: SaveInput,
    tenant: (i) => i.tenantId,
    // A private view changes nothing but the saver's own list; one shared with the tenant needs views.share.
    permFor: (i) => (i.shared ? "views.share" : null),
    describe: (i) => ({ targets: [{ type: "table_view", id: `${i.table}:${i.name}`, label: i.name }] }),
  },
  async (input, ctx) => {
    const query = viewQuery(input.query);
    const existing = await ctx.db.tableView.findFirst({
      where: { tenantId: input.tenantId, table: input.table, ownerId: ctx.staff.id, name: input.name },
    });
    const data = { query, shared: input.shared };
    const view = existing
      ? await ctx.db.tableView.update({ where: { id: existing.id }, data })
      : await ctx.db.tableView.create({
          data: { ...data, tenantId: input.tenantId, table: input.table, name: input.name, ownerId: ctx.staff.id },
        });
    ctx.audit.targets = [{ type: "table_view", id: view.id, label: `${input.table}: ${input.name}` }];
    ctx.audit.before = existing ? { query: existing.query, shared: existing.shared } : undefined;
    ctx.audit.after = data;
    return { id: view.id };
  },
);

/** Deletes a view: one's own, or (with views.share) one shared with the tenant. */
export const deleteTableView = action(
  {
    name: "view.deleted",
    perm: "console.read",
    input: z.object({ tenantId: z.string().min(1), id: z.string().min(1) }),
    tenant: (i) => i.tenantId,
    describe: (i) => ({ targets: [{ type: "table_view", id: i.id }] }),
  },
  async ({ tenantId, id }, ctx) => {
    const view = await ctx.db.tableView.findFirst({ where: { id, tenantId } });
    const mayDelete = view && (view.ownerId === ctx.staff.id || (view.shared && can(ctx.staff.role, "views.share")));
    if (!view || (!mayDelete && !view.shared)) throw new ActionError("Not found.");
    if (!mayDelete)
      throw new ActionDenied(
        `Your role (${ctx.staff.role}) may not remove a view someone else shared: it needs operator.`,
        `role ${ctx.staff.role} lacks views.share to remove a shared view`,
      );
    await ctx.db.tableView.delete({ where: { id } });
    ctx.audit.targets = [{ type: "table_view", id, label: `${view.table}: ${view.name}` }];
    ctx.audit.before = { name: view.name, query: view.query, shared: view.shared, ownerId: view.ownerId };
    return { id };
  },
);
