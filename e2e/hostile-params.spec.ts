import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { createStaff, createTenant, db, signIn } from "./fixtures";

// Every page and route handler under app/, found on disk, so a new one is probed
// without this file changing. Auth.js's catch-all is its own.
const APP = path.resolve("app");
const SKIP = [/\[\.\.\.nextauth\]/];

interface Entry {
  kind: "page" | "route";
  file: string;
  pattern: string;
}

function discover(dir = APP): Entry[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return discover(full);
    const kind = d.name === "page.tsx" ? "page" : d.name === "route.ts" ? "route" : null;
    if (!kind || SKIP.some((re) => re.test(full))) return [];
    // Route groups, "(console)", are not part of the URL.
    const segments = path
      .relative(APP, dir)
      .split(path.sep)
      .filter((s) => s && !/^\(.*\)$/.test(s));
    return [{ kind, file: full, pattern: `/${segments.join("/")}` }];
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(d.name) && !d.name.includes(".test.") ? [full] : [];
  });
}

// The query parameters the console's URL schemas read (lib/params fields named
// in a zod object anywhere in app/, lib/ and components/), with the ones every page is probed with.
function schemaKeys(): string[] {
  const files = ["app", "lib", "components"].flatMap(sourceFiles);
  const keys = files.flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/\b(\w+): (?:url[A-Z]\w*|pathId|tableSearch)\b/g)].map((m) => m[1] ?? ""),
  );
  return [...new Set(keys)];
}
const GENERIC = [
  "q",
  "from",
  "to",
  "cursor",
  "before",
  "after",
  "sort",
  "dir",
  "page",
  "size",
  "hide",
  "tenantId",
  "tenant",
  "job",
  "user",
  "type",
  "state",
  "kind",
  "format",
  "only",
  "add",
  "group",
  "next",
  "error",
  "denied",
  "id",
];

const NUL = "\u0000";
// Raw values (encoded when put in a URL) that once reached Postgres or a parser and failed as a 500.
const HOSTILE = [
  NUL,
  `a${NUL}b`,
  "-271821-04-20",
  "+275760-09-13",
  "99999999999999999999999999",
  "%00",
  "x".repeat(330),
  "\u001b[0m",
  "'; --",
];
// Path segments, inserted as written: malformed percent-encodings included.
const HOSTILE_SEGMENTS = [
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%",
  "-271821-04-20",
  "99999999999999999999999999",
  "x".repeat(600),
  "..%2F..%2Fapi%2Fhealth",
];

const withSegments = (pattern: string, value: string) => pattern.replace(/\[[^\]]+\]/g, value);
const query = (entries: [string, string][]) =>
  entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
const chunks = <T>(list: T[], n: number) =>
  Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));

async function status(request: APIRequestContext, url: string): Promise<number> {
  const res = await request.get(url, { maxRedirects: 0, timeout: 30_000 });
  await res.body(); // the whole body: a response that starts and then breaks fails here
  return res.status();
}

test("no page or route answers a hostile path or query parameter with a 5xx", async ({ page }) => {
  test.setTimeout(900_000);
  // A tenant of its own, with a TruGrid domain so the TruGrid pages run their queries too.
  const prisma = await db();
  const tenant = await createTenant();
  await prisma.vendorConnection.create({
    data: {
      tenantId: tenant.id,
      vendor: "trugrid",
      baseUrl: "https://tg.example",
      credentials: "v1.x.y.z",
      credentialsHint: "-",
      settings: { domainName: "probe.example" },
    },
  });
  const admin = await createStaff("admin", [tenant.id]);
  await signIn(page, admin.email, admin.password);

  const entries = discover();
  expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(40);
  expect(entries.some((e) => e.pattern === "/api/audit/export")).toBe(true);
  const keys = [...new Set([...schemaKeys(), ...GENERIC])];
  expect(keys).toEqual(expect.arrayContaining(["from", "before", "q", "sort", "tenantId", "pair", "stale"]));
  // A route's required parameters get a valid value, so the hostile one is what it meets.
  const base: Record<string, string> = { tenantId: tenant.id, kind: "user" };

  const failures: string[] = [];
  const probe = async (url: string) => {
    try {
      const code = await status(page.request, url);
      if (code >= 500) failures.push(`${code} ${url.slice(0, 200)}`);
    } catch (err) {
      failures.push(`${(err as Error).message.split("\n")[0]} ${url.slice(0, 200)}`);
    }
  };

  for (const entry of entries) {
    const dynamic = /\[/.test(entry.pattern);
    const urlOf = (segment: string) => withSegments(entry.pattern, segment);
    // Hostile path segments, one value in every segment at a time.
    if (dynamic) for (const seg of HOSTILE_SEGMENTS) await probe(urlOf(seg));
    const at = urlOf("probe-id");
    if (entry.kind === "page") {
      // A page drops what it cannot read: every key at once, a few requests per value.
      for (const value of HOSTILE) {
        for (const group of chunks(keys, value.length > 100 ? 10 : keys.length))
          await probe(`${at}?${query(group.map((k) => [k, value]))}`);
      }
      await probe(
        `${at}?${query(
          keys.flatMap(
            (k) =>
              [
                [k, "a"],
                [k, NUL],
              ] as [string, string][],
          ),
        )}`,
      );
    } else {
      // A route stops at the first bad parameter: one key at a time, the others valid.
      for (const key of keys) {
        for (const value of HOSTILE) await probe(`${at}?${query(Object.entries({ ...base, [key]: value }))}`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test("the audit export answers a bad filter with a 400 naming it, never a 200 that breaks off", async ({ page }) => {
  const staff = await createStaff("viewer", []);
  await signIn(page, staff.email, staff.password);
  for (const [qs, param] of [
    ["from=-271821-04-20", "from"],
    ["q=%00", "q"],
    ["before=99999999999999999999999999", "before"],
    ["to=2026-13-45", "to"],
    ["format=pdf", "format"],
  ]) {
    const res = await page.request.get(`/api/audit/export?${qs}`);
    expect(res.status(), qs).toBe(400);
    expect(await res.json()).toMatchObject({ param });
  }
  const ok = await page.request.get("/api/audit/export?from=2026-01-01&to=2099-12-31&format=jsonl");
  expect(ok.status()).toBe(200);
  await ok.body();
});

test("a page corrects a bad filter and says so", async ({ page }) => {
  const staff = await createStaff("viewer", []);
  await signIn(page, staff.email, staff.password);
  const res = await page.goto("/audit?from=-271821-04-20&q=%00&before=99999999999999999999999999&outcome=denied");
  expect(res?.status()).toBe(200);
  const notice = page.getByTestId("param-notice");
  await expect(notice).toContainText("Ignored an invalid date in 'from'.");
  await expect(notice).toContainText("Ignored a value with a control character in 'q'.");
  await expect(notice).toContainText("Ignored an invalid cursor in 'before'.");
  await expect(page.getByLabel("Outcome")).toHaveValue("denied");
});

test("another tenant's job id is not found, by route and by page, and each attempt is a denied audit event", async ({
  page,
}) => {
  const prisma = await db();
  const [a, b] = [await createTenant(), await createTenant()];
  const owner = await createStaff("operator", [b.id]);
  const job = await prisma.bulkJob.create({
    data: { tenantId: b.id, operation: "trugrid.mfa.turned_off", fileName: "b.csv", createdById: owner.id },
  });
  const staffA = await createStaff("operator", [a.id]);
  await signIn(page, staffA.email, staffA.password);

  for (const [url, action] of [
    [`/api/bulk/${job.id}/progress`, "bulk.progress_read"],
    [`/api/bulk/${job.id}/results?only=failed`, "bulk.results_downloaded"],
  ]) {
    const res = await page.request.get(url!);
    expect(res.status(), url).toBe(404);
    expect(await res.text()).not.toContain("b.csv");
    const ev = await prisma.auditEvent.findFirstOrThrow({
      where: { actorId: staffA.id, action },
      orderBy: { seq: "desc" },
    });
    expect(ev).toMatchObject({ outcome: "denied", tenantId: b.id, targets: [{ type: "bulk_job", id: job.id }] });
  }
  expect((await page.goto(`/bulk/${job.id}`))?.status()).toBe(404);
  const viewed = await prisma.auditEvent.findFirstOrThrow({
    where: { actorId: staffA.id, action: "page.viewed" },
    orderBy: { seq: "desc" },
  });
  expect(viewed).toMatchObject({
    outcome: "denied",
    tenantId: b.id,
    targets: [
      { type: "page", id: "/bulk/[jobId]" },
      { type: "bulk_job", id: job.id },
    ],
  });
});
