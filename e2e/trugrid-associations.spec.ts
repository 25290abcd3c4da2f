import { expect, test } from "@playwright/test";
import { callServerAction, createStaff, db, signIn } from "./fixtures";
import { ensureTrugridSynced, simSummary, trugridDemo, vendorAssociations } from "./trugrid-fixtures";

type Held = { userUpn: string; groupName: string; machineName: string };

/**
 * The simulator's machine groups (synced, not the server farm) with what TruGrid holds in each and the members nobody
 * holds.
 */
async function groups(sim: string, domain: string) {
  const s = await simSummary(sim, domain);
  const pending = new Set([...s.pendingMachines, ...s.pendingMachineGroups].map((x) => x.toLowerCase()));
  const out: { group: string; held: Held[]; free: string[]; shared: boolean }[] = [];
  for (const g of s.machineGroups) {
    if (pending.has(g.name.toLowerCase())) continue;
    const held = await vendorAssociations(sim, domain, { groupName: g.name });
    const taken = new Set(held.map((h) => h.machineName.toLowerCase()));
    const shared = taken.size < held.length;
    out.push({
      group: g.name,
      held,
      shared,
      free: g.members.filter((m) => !taken.has(m.toLowerCase()) && !pending.has(m.toLowerCase())),
    });
  }
  return out;
}

/** A client-only group where two users hold machines: the second one's machine is taken for the first. */
async function crowdedGroup(sim: string, domain: string) {
  const found = (await groups(sim, domain)).find(
    (g) => !g.shared && g.group !== "Remote Desktop Farm" && g.held.length >= 2,
  );
  if (!found) throw new Error("no client-only group with two held machines in the simulator's seed");
  return found;
}

/** A client-only group where a user holds a machine and another member machine is free. */
async function roomyGroup(sim: string, domain: string) {
  const found = (await groups(sim, domain)).find(
    (g) => !g.shared && g.group !== "Remote Desktop Farm" && g.held.length >= 1 && g.free.length >= 1,
  );
  if (!found) throw new Error("no client-only group with a free machine in the simulator's seed");
  return { ...found, free: found.free[0] };
}

const toast = (page: import("@playwright/test").Page, text: string) =>
  page.locator("[data-sonner-toast]").filter({ hasText: text });

test(
  "an operator replaces a user's machine with a picker that leaves out taken machines, sees TruGrid's status, and " +
    "undoes it",
  async ({ page }) => {
    const { tenant, sim, domain } = await trugridDemo();
    const operator = await createStaff("operator", [tenant.id]);
    await signIn(page, operator.email, operator.password);
    await ensureTrugridSynced(page, tenant.id);
    const crowded = await crowdedGroup(sim, domain);
    await page.goto(`/trugrid/associations?group=${encodeURIComponent(crowded.group)}`);
    await expect(page.getByTestId("association-row")).toHaveCount(crowded.held.length);
    await page.getByLabel("User (UPN)").fill(crowded.held[0]!.userUpn);
    await expect(page.getByTestId("association-rule")).toContainText("Client-only rule: one user per machine");
    const offered = await page.getByLabel("Machine", { exact: true }).locator("option").allTextContents();
    expect(offered.some((o) => o.startsWith(crowded.held[0]!.machineName))).toBe(true);
    expect(offered.some((o) => o.startsWith(crowded.held[1]!.machineName))).toBe(false);

    const shared = (await groups(sim, domain)).find((g) => g.shared);
    if (shared) {
      await page.goto(`/trugrid/associations?group=${encodeURIComponent(shared.group)}`);
      await expect(page.getByTestId("association-rule")).toContainText("Shared group");
    }

    const { group, held, free } = await roomyGroup(sim, domain);
    const [mine] = held;
    await page.goto(`/trugrid/associations?group=${encodeURIComponent(group)}`);
    await page.getByLabel("User (UPN)").fill(mine!.userUpn);

    await page.getByLabel("Machine", { exact: true }).selectOption({ label: "Another machine of this group…" });
    await page.getByLabel("Machine name").fill(free!);
    await page.getByRole("button", { name: "Set association" }).click();
    await expect(page.getByRole("dialog")).toContainText(
      `has ${mine!.machineName} in ${group}; TruGrid will replace it with ${free}`,
    );
    await page.getByTestId("confirm-button").click();
    const replaced = `Success. Previous association with '${mine!.machineName}' replaced.`;
    const t = toast(page, replaced);
    await expect(t).toBeVisible();
    await expect(page.getByTestId("item-result")).toContainText(replaced);
    expect(
      (await vendorAssociations(sim, domain, { userUpn: mine!.userUpn })).find((a) => a.groupName === group)
        ?.machineName,
    ).toBe(free);
    await expect(page.getByTestId("association-row").filter({ hasText: mine!.userUpn })).toContainText(free!);

    await t.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Undone.")).toBeVisible();
    expect(
      (await vendorAssociations(sim, domain, { userUpn: mine!.userUpn })).find((a) => a.groupName === group)
        ?.machineName,
    ).toBe(mine!.machineName);
    await expect(page.getByTestId("association-row").filter({ hasText: mine!.userUpn })).toContainText(
      mine!.machineName,
    );
    const ev = await (await db()).auditEvent.findFirstOrThrow({
      where: { actorId: operator.id, action: "trugrid.machine_association.set", outcome: "success" },
      orderBy: { seq: "asc" },
    });
    expect(ev.before).toEqual({ machines: { [`${mine!.userUpn} → ${free} in ${group}`]: mine!.machineName } });
  },
);

test("TruGrid's refusal of a machine another user holds is shown verbatim, and nothing changes", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await ensureTrugridSynced(page, tenant.id);
  const { group, held } = await crowdedGroup(sim, domain);
  const [mine, theirs] = held;
  await page.goto(`/trugrid/associations?user=${encodeURIComponent(mine!.userUpn)}`);
  await expect(page.getByTestId("association-row").filter({ hasText: group })).toContainText(mine!.machineName);
  await page.getByRole("button", { name: "Reload from TruGrid" }).click();
  const listed = (await vendorAssociations(sim, domain, { userUpn: mine!.userUpn })).length;
  await expect(
    toast(page, `TruGrid lists ${listed} association${listed === 1 ? "" : "s"} for ${mine!.userUpn}.`),
  ).toBeVisible();
  await page.getByLabel("Machine group").selectOption(group);
  await page.getByLabel("Machine", { exact: true }).selectOption({ label: "Another machine of this group…" });
  await page.getByLabel("Machine name").fill(theirs!.machineName);
  await page.getByRole("button", { name: "Set association" }).click();
  await page.getByTestId("confirm-button").click();
  const refusal =
    `Error. Reason: Machine '${theirs!.machineName}' ` +
    `is already associated with user '${theirs!.userUpn}' in group '${group}'.`;
  await expect(toast(page, refusal)).toBeVisible();
  await expect(page.getByTestId("item-result")).toContainText(refusal);
  expect(
    (await vendorAssociations(sim, domain, { userUpn: mine!.userUpn })).find((a) => a.groupName === group)?.machineName,
  ).toBe(mine!.machineName);
});

test("clearing associations is for admins: an operator and a viewer calling it directly are refused", async ({
  page,
}) => {
  const { tenant, sim, domain } = await trugridDemo();
  const { group, held } = await crowdedGroup(sim, domain);
  for (const role of ["viewer", "operator"] as const) {
    const staff = await createStaff(role, [tenant.id]);
    await signIn(page, staff.email, staff.password);
    await page.goto("/trugrid/associations");
    await expect(page.getByRole("button", { name: /Clear the whole domain/ })).toHaveCount(0);
    const body = await callServerAction(page, "lib/trugrid/association-actions.ts", "clearMachineAssociations", {
      tenantId: tenant.id,
      groups: [group],
    });
    expect(body).toContain("may not do this");
    const ev = await (await db()).auditEvent.findFirstOrThrow({
      where: { actorId: staff.id },
      orderBy: { seq: "desc" },
    });
    expect(ev).toMatchObject({ action: "trugrid.machine_association.cleared", outcome: "denied" });
    await page.context().clearCookies();
  }
  const viewer = await createStaff("viewer", [tenant.id]);
  await signIn(page, viewer.email, viewer.password);
  const body = await callServerAction(page, "lib/trugrid/association-actions.ts", "setMachineAssociations", {
    tenantId: tenant.id,
    items: [{ userUpn: held[0]!.userUpn, groupName: group, machineName: held[1]!.machineName }],
  });
  expect(body).toContain("may not do this");
  expect(await vendorAssociations(sim, domain, { groupName: group })).toHaveLength(held.length);
});

test("an admin clears a chosen group, then the whole domain after typing its name", async ({ page }) => {
  const { tenant, sim, domain } = await trugridDemo();
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await ensureTrugridSynced(page, tenant.id);
  const { group } = await crowdedGroup(sim, domain);
  await page.goto("/trugrid/associations");
  await page.getByRole("checkbox", { name: `Choose ${group}` }).check();
  await page.getByRole("button", { name: "Clear chosen (1)…" }).click();
  await expect(page.getByRole("dialog")).toContainText(`every user–machine association in ${group}`);
  await page.getByTestId("confirm-button").click();
  await expect(toast(page, `Associations cleared: ${group}. TruGrid: Success.`)).toBeVisible();
  expect(await vendorAssociations(sim, domain, { groupName: group })).toHaveLength(0);
  const prisma = await db();
  expect(
    await prisma.vendorEdge.count({
      where: { tenantId: tenant.id, kind: "machine_association", toId: group, deletedAt: null },
    }),
  ).toBe(0);

  await page.getByRole("button", { name: "Clear the whole domain…" }).click();
  await expect(page.getByTestId("confirm-button")).toBeDisabled();
  await page.getByTestId("confirm-text").fill(domain);
  await page.getByTestId("confirm-button").click();
  await expect(toast(page, "Associations cleared for")).toBeVisible();
  expect(await vendorAssociations(sim, domain, { groupName: "Remote Desktop Farm" })).toHaveLength(0);
  expect(
    await prisma.vendorEdge.count({ where: { tenantId: tenant.id, kind: "machine_association", deletedAt: null } }),
  ).toBe(0);
});
