import { expect, test } from "@playwright/test";
import type { JumpcloudUser, Person } from "../lib/generated/prisma/client";
import { callServerAction, createStaff, db, signIn, syncTenant } from "./fixtures";

const ALL = ["trugrid", "truu", "twingate", "jumpcloud"] as const;

/**
 * Someone every vendor knows, with a JumpCloud group, a TruGrid association and devices in TruU and Twingate; not one
 * of the TruGrid admins (TruGrid keeps MFA on for those).
 */
async function fullyKnownPerson(tenantId: string) {
  const [first] = await fullyKnownPeople(tenantId, 1);
  return first!;
}

/** The first `n` people every vendor knows fully (see fullyKnownPerson), each with their JumpCloud user. */
async function fullyKnownPeople(tenantId: string, n: number) {
  const found: { person: Person; jc: JumpcloudUser }[] = [];
  const prisma = await db();
  const people = await prisma.person.findMany({
    where: { tenantId, mergedIntoId: null },
    orderBy: { emailNorm: "desc" },
  });
  for (const p of people) {
    const e = p.emailNorm;
    const jc = await prisma.jumpcloudUser.findFirst({
      where: { tenantId, emailNorm: e, deletedAt: null, state: "ACTIVATED" },
    });
    const ok =
      jc &&
      (await prisma.trugridUser.count({ where: { tenantId, emailNorm: e, deletedAt: null } })) &&
      (await prisma.twingateUser.count({
        where: { tenantId, emailNorm: e, deletedAt: null, state: "ACTIVE", role: { not: "ADMIN" } },
      })) &&
      (await prisma.truuDevice.count({ where: { tenantId, userEmailNorm: e, deletedAt: null } })) &&
      (await prisma.twingateDevice.count({
        where: { tenantId, userEmailNorm: e, deletedAt: null, activeState: "ACTIVE" },
      })) &&
      (await prisma.vendorEdge.count({
        where: {
          tenantId,
          vendor: "trugrid",
          kind: "machine_association",
          fromId: { equals: e, mode: "insensitive" },
          deletedAt: null,
        },
      })) &&
      (await prisma.vendorEdge.count({
        where: { tenantId, vendor: "jumpcloud", kind: "user_group_member", toId: jc.vendorId, deletedAt: null },
      })) &&
      !(await prisma.vendorEdge.count({
        where: {
          tenantId,
          vendor: "trugrid",
          kind: "machine_association",
          fromId: { equals: e, mode: "insensitive" },
          toId: { contains: "IT " },
        },
      }));
    if (ok) found.push({ person: p, jc: jc! });
    if (found.length === n) return found;
  }
  throw new Error(`fewer than ${n} people known to every vendor`);
}

test(
  "from a person's page: plan → confirm → each step's result → undo of one step, " + "then of every reversible step",
  async ({ page }) => {
    test.setTimeout(240_000);
    const prisma = await db();
    const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
    const admin = await createStaff("admin", [tenant.id]);
    await signIn(page, admin.email, admin.password);
    await syncTenant(page, tenant.id, ALL);
    const { person, jc } = await fullyKnownPerson(tenant.id);
    const tw = await prisma.twingateUser.findFirstOrThrow({
      where: { tenantId: tenant.id, emailNorm: person.emailNorm },
    });

    await page.goto(`/people/${person.id}`);
    await page.getByTestId("offboard-person").click();
    await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
    const jobId = page.url().split("/").pop()!;
    await expect(page.getByRole("heading", { name: `Offboarding · ${person.emailNorm}` })).toBeVisible();
    await expect(page.getByTestId("plan-steps")).toContainText("TruU: delete device");
    await expect(page.getByTestId("plan-steps")).toContainText("cannot be undone");
    const toSend = await prisma.bulkRow.count({ where: { jobId, status: "pending" } });
    expect(toSend).toBeGreaterThanOrEqual(7);
    // Planning sent nothing.
    expect(await prisma.auditEvent.count({ where: { jobId } })).toBe(0);

    await page.getByTestId("confirm-plan").click();
    await expect(page.getByTestId("confirm-steps")).toContainText("JumpCloud: suspend user: 1");
    await expect(page.getByTestId("confirm-button")).toBeDisabled();
    await page.getByTestId("confirm-text").fill(String(toSend));
    await page.getByTestId("confirm-button").click();
    await expect(page.getByTestId("bulk-progress")).toContainText(
      new RegExp(`completed · ${toSend} of ${toSend} done`),
      {
        timeout: 120_000,
      },
    );

    // Each step's result, with the vendor's words.
    const steps = page.getByTestId("offboarding-steps");
    await expect(steps.getByTestId("step-status").filter({ hasText: "succeeded" })).toHaveCount(toSend);
    await expect(steps.getByTestId("table-row").filter({ hasText: "JumpCloud: suspend user" })).toContainText(
      `${jc.email} is SUSPENDED`,
    );
    await expect(steps.getByTestId("table-row").filter({ hasText: "Twingate: disable user" })).toContainText(
      "is DISABLED",
    );
    expect((await prisma.jumpcloudUser.findFirstOrThrow({ where: { id: jc.id } })).state).toBe("SUSPENDED");
    expect((await prisma.twingateUser.findFirstOrThrow({ where: { id: tw.id } })).state).toBe("DISABLED");
    // The last step read every vendor back: nothing remains at any of them.
    const verification = page.getByTestId("verification");
    await expect(verification.locator('[data-status="clear"]')).toHaveCount(4);
    await expect(verification).toContainText("No access remains");
    await expect(steps.getByTestId("table-row").filter({ hasText: "JumpCloud: unbind from system" })).not.toHaveCount(
      0,
    );
    const truuDeletes = await prisma.bulkRow.count({
      where: { jobId, operation: "truu.device.deleted", status: "succeeded" },
    });
    await expect(steps.getByTestId("step-undo")).toHaveCount(toSend - truuDeletes);

    // Undo one step from its row: the JumpCloud user is active again.
    await steps
      .getByTestId("table-row")
      .filter({ hasText: "JumpCloud: suspend user" })
      .getByTestId("step-undo")
      .click();
    await expect(page.getByText("Undone.")).toBeVisible();
    await expect(
      steps.getByTestId("table-row").filter({ hasText: "JumpCloud: suspend user" }).getByTestId("step-undone"),
    ).toBeVisible();
    expect((await prisma.jumpcloudUser.findFirstOrThrow({ where: { id: jc.id } })).state).toBe("ACTIVATED");

    // Then every other reversible step at once; the deleted TruU devices stay deleted.
    await page.getByTestId("undo-all").click();
    await page.getByTestId("confirm-button").click();
    await expect(page.getByText(new RegExp(`Undone: ${toSend - truuDeletes - 1} steps\\.`))).toBeVisible({
      timeout: 60_000,
    });
    await expect(steps.getByTestId("step-undone")).toHaveCount(toSend - truuDeletes);
    await expect(page.getByTestId("undo-all")).toHaveCount(0);
    expect((await prisma.twingateUser.findFirstOrThrow({ where: { id: tw.id } })).state).toBe("ACTIVE");
    expect(
      await prisma.twingateDevice.count({
        where: { tenantId: tenant.id, userEmailNorm: person.emailNorm, deletedAt: null, activeState: "BLOCKED" },
      }),
    ).toBe(0);
    expect(
      await prisma.truuDevice.count({
        where: { tenantId: tenant.id, userEmailNorm: person.emailNorm, deletedAt: null },
      }),
    ).toBe(0);
    expect(
      await prisma.auditEvent.count({
        where: { targets: { array_contains: [{ type: "audit_event" }] }, actorId: admin.id, outcome: "success" },
      }),
    ).toBe(toSend - truuDeletes);

    // Read back again: what the undo gave back shows, vendor by vendor, as access that remains.
    await page.getByTestId("verify-again").click();
    await expect(page.getByText(/^Read back: \d vendors with access left, 0 unread\.$/)).toBeVisible({
      timeout: 60_000,
    });
    await expect(verification.getByTestId("verdict-jumpcloud")).toHaveAttribute("data-status", "remains");
    await expect(verification.getByTestId("verdict-jumpcloud")).toContainText(
      `JumpCloud user ${jc.email} is ACTIVATED.`,
    );
    await expect(verification.getByTestId("verdict-truu")).toHaveAttribute("data-status", "clear");
  },
);

test("a CSV of people on the Bulk page plans each person's steps; unknown and duplicate people are errors", async ({
  page,
}) => {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await syncTenant(page, tenant.id, ["jumpcloud"]);
  const [a, b] = await prisma.person.findMany({
    where: { tenantId: tenant.id, mergedIntoId: null },
    orderBy: { emailNorm: "asc" },
    take: 2,
  });
  await page.goto("/bulk");
  await page.getByLabel("Operation").selectOption("offboarding");
  const csv = ["mail", a!.emailNorm.toUpperCase(), b!.emailNorm, "ghost@nowhere.example", a!.emailNorm].join("\r\n");
  await page
    .getByTestId("bulk-file")
    .setInputFiles({ name: "leavers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and plan" }).click();
  await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Offboarding · leavers.csv" })).toBeVisible();
  await expect(page.getByTestId("plan-counts")).toContainText(
    /steps for 2 people: \d+ to change · \d+ already done · 2 error/,
  );
  await expect(page.getByText("Unknown person: ghost@nowhere.example")).toBeVisible();
  await expect(page.getByText("Duplicate of row 2 in this file.")).toBeVisible();
  const jobId = page.url().split("/").pop()!;
  const inJumpCloud = await prisma.jumpcloudUser.count({
    where: { tenantId: tenant.id, deletedAt: null, emailNorm: { in: [a!.emailNorm, b!.emailNorm] } },
  });
  expect(await prisma.bulkRow.count({ where: { jobId, operation: "jumpcloud.user.suspended" } })).toBe(inJumpCloud);
  expect(await prisma.auditEvent.count({ where: { jobId } })).toBe(0);
  // The results file names the person of each step; the failed-rows file lists the people to fix and upload again.
  const results = (await (await page.request.get(`/api/bulk/${jobId}/results`)).text()).trim().split("\r\n");
  expect(results[0]).toBe("line,email,plan,status,message,before,after,attempts");
  const failed = await (await page.request.get(`/api/bulk/${jobId}/results?only=failed`)).text();
  expect(failed).toContain("ghost@nowhere.example,Unknown person");
});

test(
  "a viewer (and an operator) may not offboard: no button, " +
    "and calling the actions directly is refused and audited",
  async ({ page }) => {
    const prisma = await db();
    const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
    const person = await prisma.person.findFirstOrThrow({
      where: { tenantId: tenant.id, mergedIntoId: null },
      orderBy: { emailNorm: "asc" },
    });
    for (const role of ["viewer", "operator"] as const) {
      const staff = await createStaff(role, [tenant.id]);
      await signIn(page, staff.email, staff.password);
      await page.goto(`/people/${person.id}`);
      await expect(page.getByTestId("person-jumpcloud")).toBeVisible();
      await expect(page.getByTestId("offboard-person")).toHaveCount(0);
      const jobsBefore = await prisma.bulkJob.count({ where: { tenantId: tenant.id, operation: "offboarding" } });
      expect(
        await callServerAction(page, "lib/offboarding/actions.ts", "planPersonOffboarding", {
          tenantId: tenant.id,
          personId: person.id,
        }),
      ).toContain("may not do this");
      expect(await prisma.bulkJob.count({ where: { tenantId: tenant.id, operation: "offboarding" } })).toBe(jobsBefore);
      const staffRow = await prisma.staffUser.findUniqueOrThrow({ where: { email: staff.email } });
      expect(
        await prisma.auditEvent.count({
          where: { actorId: staffRow.id, action: "offboarding.planned", outcome: "denied" },
        }),
      ).toBe(1);
      await page.context().clearCookies();
    }
  },
);

test("a CSV of leavers runs every person's steps, then reads every vendor back: no access remains", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);
  await syncTenant(page, tenant.id, ALL);
  const leavers = await fullyKnownPeople(tenant.id, 2);
  await page.goto("/bulk");
  await page.getByLabel("Operation").selectOption("offboarding");
  const csv = ["email", ...leavers.map((l) => l.person.emailNorm)].join("\r\n");
  await page
    .getByTestId("bulk-file")
    .setInputFiles({ name: "leavers.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and plan" }).click();
  await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
  const jobId = page.url().split("/").pop()!;
  const toSend = await prisma.bulkRow.count({ where: { jobId, status: "pending" } });
  expect(toSend).toBeGreaterThanOrEqual(14);

  await page.getByTestId("confirm-plan").click();
  await page.getByTestId("confirm-text").fill(String(toSend));
  await page.getByTestId("confirm-button").click();
  await expect(page.getByTestId("bulk-progress")).toContainText(new RegExp(`completed · ${toSend} of ${toSend} done`), {
    timeout: 180_000,
  });
  for (const { jc } of leavers)
    expect((await prisma.jumpcloudUser.findFirstOrThrow({ where: { id: jc.id } })).state).toBe("SUSPENDED");
  // One read-back for the run, per person and per vendor: nothing remains, nothing went unread.
  const verification = page.getByTestId("verification");
  await expect(verification.locator('[data-status="clear"]')).toHaveCount(8);
  await expect(verification.locator('[data-status="remains"], [data-status="unread"]')).toHaveCount(0);
  for (const { person } of leavers) await expect(verification).toContainText(person.emailNorm);
  const verified = await prisma.auditEvent.findMany({ where: { action: "offboarding.verified", jobId } });
  expect(verified).toHaveLength(1);
});
