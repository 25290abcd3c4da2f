import { expect, type Page, test } from "@playwright/test";
import { createStaff, db, serverActionId, signIn, syncTenant } from "./fixtures";

const MB = 1024 * 1024;
const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: "text/csv", buffer });

async function upload(page: Page, operation: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel("Operation").selectOption(operation);
  await page.getByTestId("bulk-file").setInputFiles(file);
  await page.getByRole("button", { name: "Upload and plan" }).click();
}

/**
 * Posts an upload to the plan action as any HTTP client could, without the
 * form's own checks: a FormData argument as React encodes it (the fields
 * prefixed "_1_", then the argument list "0" that refers to them, which must
 * come last: the server reads the list as soon as it arrives).
 */
async function postUpload(
  page: Page,
  tenantId: string,
  operation: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const form = new FormData();
  form.append("_1_tenantId", tenantId);
  form.append("_1_operation", operation);
  form.append("_1_file", new File([new Uint8Array(file.buffer)], file.name, { type: file.mimeType }));
  form.append("0", '["$K1"]');
  const res = await page.request.post("/bulk", {
    headers: { "Next-Action": serverActionId("lib/bulk/actions.ts", "planBulkUpload"), Accept: "text/x-component" },
    multipart: form,
  });
  return { status: res.status(), body: await res.text() };
}

/** A new operator of the first demo tenant, signed in, on the Bulk page. */
async function operatorOnBulkPage(page: Page) {
  const prisma = await db();
  const tenant = await prisma.tenant.findFirstOrThrow({ where: { isDemo: true }, orderBy: { name: "asc" } });
  const operator = await createStaff("operator", [tenant.id]);
  await signIn(page, operator.email, operator.password);
  await page.goto("/bulk");
  return { prisma, tenant };
}

test("a malformed file plans its readable rows, and each line it cannot read is an error row naming the line", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { prisma, tenant } = await operatorOnBulkPage(page);
  await syncTenant(page, tenant.id, ["trugrid"]);
  const [a, b, c] = await prisma.trugridUser.findMany({
    where: { tenantId: tenant.id, deletedAt: null },
    orderBy: { upn: "asc" },
    take: 3,
  });

  // A quote never closed, with rows after it: the file is refused at the line where it opened, and nothing is planned.
  await upload(
    page,
    "trugrid.mfa.reset",
    csvFile(
      "unclosed.csv",
      Buffer.from(`userUpn,resetPhone\r\n${a!.upn},false\r\n${b!.upn},"false\r\n${c!.upn},true\r\n`),
    ),
  );
  await expect(page.getByTestId("bulk-upload-error")).toHaveText(
    "The quote opened on line 3 is never closed: everything after it would read as one cell. Close it, or write a " +
      'quote meant as text as two ("").',
  );
  await expect(page).toHaveURL(/\/bulk$/);

  const bytes = Buffer.concat([
    Buffer.from(
      `userUpn,resetPhone\r\n${a!.upn},false\r\n${b!.upn},false,surplus\r\n${c!.upn}\r\nbo"b@x.example,true\r\n`,
    ),
    Buffer.from([
      0x72, 0xe9, 0x6e, 0xe9, 0x40, 0x78, 0x2e, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2c, 0x66, 0x61, 0x6c, 0x73,
      0x65, 0x0d, 0x0a,
    ]), // "réné@x.example,false" in Latin-1
    Buffer.from([
      0x6e, 0x00, 0x40, 0x78, 0x2e, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2c, 0x66, 0x61, 0x6c, 0x73, 0x65, 0x0d,
      0x0a,
    ]), // a NUL in a cell
    Buffer.from(`"${b!.upn}","multi\r\nline"\r\n${c!.upn},true\r\n`),
  ]);
  await upload(page, "trugrid.mfa.reset", csvFile("malformed.csv", bytes));
  await expect(page).toHaveURL(/\/bulk\/[a-z0-9]+$/);
  await expect(page.getByTestId("plan-counts")).toContainText("8 rows: 0 create · 2 update · 0 no change · 6 error");
  await expect(page.getByTestId("row-error")).toHaveText([
    "Line 3: 3 cells where the header has 2",
    "Line 4: 1 cell where the header has 2",
    "Line 5: a quote inside an unquoted cell",
    "Line 6: bytes that are not UTF-8 text",
    "Line 7: a NUL byte (binary data, not text)",
    "resetPhone: resetPhone must be true or false",
  ]);
  // The quoted cell over lines 8 and 9 does not shift the lines after it.
  const jobId = page.url().split("/").pop()!;
  const rows = await prisma.bulkRow.findMany({ where: { jobId }, orderBy: { line: "asc" } });
  expect(rows.map((r) => [r.line, r.plan])).toEqual([
    [2, "update"],
    [3, "error"],
    [4, "error"],
    [5, "error"],
    [6, "error"],
    [7, "error"],
    [8, "error"],
    [10, "update"],
  ]);
});

test(
  "size, type and row limits each show their own message in the form; " + "files over the size limit are never sent",
  async ({ page }) => {
    // Handing 48 MB of files to the browser and 22 MB to the server takes a while on a loaded machine.
    test.setTimeout(300_000);
    const { tenant } = await operatorOnBulkPage(page);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    const error = page.getByTestId("bulk-upload-error");

    // 22 MB: over the 20 MB file limit, under the server's body limit.
    await upload(page, "trugrid.mfa.turned_on", csvFile("big.csv", Buffer.alloc(22 * MB, "a@x.example\n")));
    await expect(error).toHaveText("The file is 22.0 MB; the limit is 20 MB. Split it into smaller files.");
    // 26 MB: over the body limit too, where Next.js itself would answer an HTTP 500.
    await upload(page, "trugrid.mfa.turned_on", csvFile("bigger.csv", Buffer.alloc(26 * MB, "a@x.example\n")));
    await expect(error).toHaveText("The file is 26.0 MB; the limit is 20 MB. Split it into smaller files.");
    await upload(page, "trugrid.mfa.turned_on", {
      name: "users.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("PK\x03\x04"),
    });
    await expect(error).toHaveText(
      'users.xlsx is not a CSV file (.csv, .tsv, .txt). Save the sheet as "CSV UTF-8" and upload that.',
    );
    expect(posts).toEqual([]);

    // Rows are counted on the server: one round trip, its own message.
    await upload(
      page,
      "trugrid.mfa.turned_on",
      csvFile("many.csv", Buffer.from(`userUpn\n${"a@x.example\n".repeat(100_001)}`)),
    );
    await expect(error).toHaveText("The file has more than 100,000 rows. Split it into smaller files.", {
      timeout: 60_000,
    });
    expect(posts).toHaveLength(1);

    // A client that skips the form's checks gets the same messages from the server, never a 500 or a generic "Some
    // fields need attention".
    const fine = await postUpload(
      page,
      tenant.id,
      "trugrid.mfa.turned_on",
      csvFile("one.csv", Buffer.from("userUpn\na@x.example\n")),
    );
    expect(fine).toMatchObject({ status: 200, body: expect.stringContaining('"ok":true') });
    const big = await postUpload(
      page,
      tenant.id,
      "trugrid.mfa.turned_on",
      csvFile("big.csv", Buffer.alloc(22 * MB, "a@x.example\n")),
    );
    expect(big.status).toBe(200);
    expect(big.body).toContain("The file is 22.0 MB; the limit is 20 MB. Split it into smaller files.");
    const workbook = await postUpload(page, tenant.id, "trugrid.mfa.turned_on", {
      name: "users.xlsx",
      mimeType: "text/csv",
      buffer: Buffer.from("userUpn\na@x.example\n"),
    });
    expect(workbook.body).toContain("users.xlsx is not a CSV file");
    // Over Next.js's own body limit, where it would answer a bare 500: refused before it is read, in words.
    const huge = await postUpload(
      page,
      tenant.id,
      "trugrid.mfa.turned_on",
      csvFile("huge.csv", Buffer.alloc(26 * MB, "a@x.example\n")),
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toMatch(/^The request is 26\.0 MB; uploads are limited to 20 MB/);
  },
);
