import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { makeStaff, makeTenant } from "../../test/factories";
import { sampleInput } from "../../test/sample-input";
import { ROOT, serverModules } from "../../test/server-modules";
import { actAs, TEST_CLIENT } from "../../test/session-as";
import { EVERY_TENANT_PERMISSIONS, PERMISSIONS, type Permission, ROLES } from "../auth/permissions";
import { loadStaff, type Staff } from "../auth/staff";
import { actionDefOf } from "./action-tag";
import type { ActionDef } from "./run-action";

// Every server action, called directly (as any HTTP client can) by every kind of caller in its own
// tenant and in another: refused exactly where the permission table and tenant scope say, with a
// denied audit event, and let through everywhere else. The actions are found on disk, so a new
// action is in the matrix the day it is written.

vi.mock("../auth/session", () => import("../../test/session-as"));

// Auth.js itself does not load outside Next; the session's own server functions are not in the matrix.
// Outside a request there is no cookie jar: an action that sets one (switching tenant) gets a plain one.
vi.mock("next/headers", () => ({ cookies: async () => new Map(), headers: async () => new Headers() }));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("../auth/auth", () => ({
  signIn: async () => undefined,
  signOut: async () => undefined,
  authSecret: () => "unused",
  SESSION_ABSOLUTE_HOURS: 24,
}));

/**
 * Modules of server functions that are not wrapped actions on purpose: the sign-in steps (password,
 * second factor, enrolment at sign-in) come before the session the wrapper checks, and sign-out ends it.
 * They check the pending sign-in state themselves and are tested in lib/auth and lib/second-factor.
 */
const SIGN_IN_MODULES = new Set([
  "lib/auth/sign-in-actions.ts",
  "lib/auth/second-step-actions.ts",
  "lib/auth/enrolment-actions.ts",
]);

/** Inputs the sample builder cannot find (cross-field rules), by action name; tenantId is filled in. */
const SAMPLES: Record<string, (tenantId: string) => unknown> = {
  "staff.password_changed": () => ({
    current: "the current one",
    next: "a new password 1",
    confirm: "a new password 1",
  }),
  // TruU needs no settings beside the URL and its two secrets.
  "tenant.connection_saved": (tenantId) => ({
    tenantId,
    vendor: "truu",
    baseUrl: "https://global.platform.truu.ai",
    clientId: "id",
    clientSecret: "secret",
  }),
  "jumpcloud.bulk.users_created": (tenantId) => ({ tenantId, users: "email,username\nuser@contoso.com,user" }),
  "jumpcloud.bulk.users_updated": (tenantId) => ({ tenantId, updates: "email,department\nuser@contoso.com,Finance" }),
  "trugrid.machine_association.reloaded": (tenantId) => ({ tenantId, groupName: "Sales" }),
};

/** The wrapper's own refusals, as it words them in the log (a body's refusals say other things). */
const WRAPPER_REFUSAL = /^not signed in|lacks |needs an admin with every tenant|is not in the caller's scope/;

interface Found {
  id: string;
  fn: (input: unknown) => Promise<{ ok: boolean; error?: string }>;
  def: ActionDef<z.ZodType>;
}

let t: TestDatabase;
let own: { id: string };
let other: { id: string };
const callers: Record<string, Staff | null> = {};
let found: Found[] = [];
const unwrapped: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  own = await makeTenant(t.db, "Own tenant");
  other = await makeTenant(t.db, "Other tenant");
  callers.unauthenticated = null;
  callers.viewer = await makeStaff(t.db, { role: "viewer", tenantIds: [own.id] });
  callers.operator = await makeStaff(t.db, { role: "operator", tenantIds: [own.id] });
  callers["tenant-scoped admin"] = await makeStaff(t.db, { role: "admin", tenantIds: [own.id] });
  callers["all-tenant admin"] = await makeStaff(t.db, { role: "admin", tenantIds: [own.id, other.id] });
  for (const file of serverModules()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      const def = actionDefOf(value);
      if (def) found.push({ id: `${file}#${name}`, fn: value as Found["fn"], def });
      else if (!SIGN_IN_MODULES.has(file)) unwrapped.push(`${file}#${name}`);
    }
  }
  found = found.sort((a, b) => a.id.localeCompare(b.id));
}, 300_000);

afterAll(async () => {
  const boss = (globalThis as { consoleBoss?: Promise<{ stop: (o?: unknown) => Promise<void> }> }).consoleBoss;
  await (await boss?.catch(() => undefined))?.stop({ graceful: false }).catch(() => undefined);
  await t?.drop();
});

/** Read from the permission table itself (not the wrapper's own check), so a wrong check cannot agree with itself. */
function held(caller: Staff, perm: Permission): boolean {
  const rank = (r: string) => ROLES.indexOf(r as (typeof ROLES)[number]);
  return (
    rank(caller.role) >= rank(PERMISSIONS[perm]) &&
    (!EVERY_TENANT_PERMISSIONS.has(perm) || caller.tenantIds.length === tenantCount)
  );
}
let tenantCount = 0;
let calls = 0;

async function expectedRefusal(
  def: ActionDef<z.ZodType>,
  caller: Staff | null,
  input: unknown,
): Promise<string | null> {
  if (!caller) return "not signed in";
  if (!held(caller, def.perm)) return `lacks ${def.perm}`;
  const parsed = def.input.parse(input);
  const further = def.permFor?.(parsed) as Permission | null | undefined;
  if (further && !held(caller, further)) return `lacks ${further}`;
  if (def.tenant === "global") return null;
  const tenantId = await def.tenant(parsed, caller);
  return tenantId && caller.tenantIds.includes(tenantId) ? null : "outside the caller's tenants";
}

describe("authorization matrix", () => {
  it("every server function is a wrapped action (or one of the session's own)", () => {
    expect(found.length).toBeGreaterThan(50);
    expect(unwrapped).toEqual([]);
  });

  it("every action has a valid sample input, so the matrix reaches its tenant check", () => {
    const missing = found.filter((f) => {
      const sample = SAMPLES[f.def.name]?.(own.id) ?? sampleInput(f.def.input, own.id);
      return sample === undefined || !f.def.input.safeParse(sample).success;
    });
    expect(missing.map((f) => `${f.id} (${f.def.name}): add a sample to SAMPLES`)).toEqual([]);
  });

  it("refuses and audits exactly what the permission table and tenant scope refuse", async () => {
    const mismatches: string[] = [];
    for (const f of found) {
      const tenants = f.def.tenant === "global" ? [own] : [own, other];
      for (const [who, staff] of Object.entries(callers)) {
        for (const tenant of tenants) {
          const input = SAMPLES[f.def.name]?.(tenant.id) ?? sampleInput(f.def.input, tenant.id);
          if (input === undefined) continue;
          const actor = staff && (await loadStaff(t.db, staff.id));
          actAs(actor);
          // Each call from its own address: refusals without a session are recorded within a budget per address.
          TEST_CLIENT.ip = `10.${(++calls >> 8) & 255}.${calls & 255}.1`;
          tenantCount = await t.db.tenant.count();
          const expected = await expectedRefusal(f.def, actor, input);
          const head = await t.db.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
          const res = await f.fn(input).catch((err: unknown) => ({ ok: false, error: `threw ${String(err)}` }));
          const denials = await t.db.auditEvent.findMany({
            where: { seq: { gt: head?.seq ?? 0n }, action: f.def.name, outcome: "denied", actorId: actor?.id ?? null },
            select: { reason: true },
          });
          const refused = denials.some((d) => WRAPPER_REFUSAL.test(d.reason ?? ""));
          const where = `${f.def.name} as ${who} in ${tenant === own ? "own" : "another"} tenant`;
          if (expected && (!refused || res.ok))
            mismatches.push(
              `${where}: should be refused (${expected}) and audited as denied; ` +
                `got ${JSON.stringify(res).slice(0, 200)}`,
            );
          if (!expected && refused)
            mismatches.push(
              `${where}: refused by the wrapper (${denials.map((d) => d.reason).join("; ")}) but the table allows it`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});
