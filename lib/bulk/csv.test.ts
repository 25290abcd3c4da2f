import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv";
import { type ColumnSpec, mapHeaders, rowObject } from "./headers";

const enc = (s: string) => new TextEncoder().encode(s);
const cols: ColumnSpec[] = [
  { field: "upn", header: "userUpn", aliases: ["upn", "userPrincipalName", "email"], required: true, example: "a@b.c" },
  { field: "resetPhone", header: "resetPhone", required: false, example: "true" },
];

describe("parseCsv", () => {
  it("reads a BOM, CRLF, semicolons and quoted fields, numbering rows by the line they start on", () => {
    const out = parseCsv(
      enc(
        '\uFEFFUPN;resetPhone\r\n"smith, ann@x.example";true\r\n\r\nbob@x.example;"multi\r\nline"\r\n' +
          "carol@x.example;false\r\n",
      ),
    );
    expect(out).toMatchObject({ ok: true, headers: ["UPN", "resetPhone"], delimiter: ";" });
    if (!out.ok) return;
    expect(out.rows).toEqual([
      { line: 2, cells: ["smith, ann@x.example", "true"] },
      { line: 4, cells: ["bob@x.example", "multi\nline"] },
      // The cell above spans lines 4 and 5: this row starts on line 6.
      { line: 6, cells: ["carol@x.example", "false"] },
    ]);
  });

  it("detects tabs, and reads LF, CRLF and lone CR line ends mixed in one file", () => {
    expect(parseCsv(enc("upn\tresetPhone\na@x\tfalse\n"))).toMatchObject({ ok: true, delimiter: "\t" });
    const out = parseCsv(enc("upn,flag\r\na,1\nb,2\rc,3\r\n"));
    expect(out).toMatchObject({
      ok: true,
      rows: [
        { line: 2, cells: ["a", "1"] },
        { line: 3, cells: ["b", "2"] },
        { line: 4, cells: ["c", "3"] },
      ],
    });
  });

  it("a quoted cell over several lines is fine, and the rows after it keep their lines", () => {
    const out = parseCsv(enc('upn,note\na@x,"one\ntwo\nthree"\nb@x,"say ""hi"""\nc@x,plain\n'));
    expect(out).toMatchObject({
      ok: true,
      rows: [
        { line: 2, cells: ["a@x", "one\ntwo\nthree"] },
        { line: 5, cells: ["b@x", 'say "hi"'] },
        { line: 6, cells: ["c@x", "plain"] },
      ],
    });
    if (out.ok) expect(out.rows.every((r) => r.error === undefined)).toBe(true);
  });

  it(
    "a row with more or fewer cells than the header is an error row naming its line; " + "the other rows still read",
    () => {
      const out = parseCsv(enc("upn,group,machine,note\na@x,g,m,n\n\nb@x,g,m,n,extra\nc@x,g,m\nd@x,g,m,n,,\ne@x\n"));
      expect(out).toMatchObject({ ok: true });
      if (!out.ok) return;
      expect(out.rows.map((r) => [r.line, r.error ?? null])).toEqual([
        [2, null],
        [4, "Line 4: 5 cells where the header has 4"],
        [5, "Line 5: 3 cells where the header has 4"],
        // Empty cells past the header's last column are a sheet's trailing delimiters, not data.
        [6, null],
        [7, "Line 7: 1 cell where the header has 4"],
      ]);
      expect(out.rows.filter((r) => r.misaligned).map((r) => r.line)).toEqual([4, 5, 7]);
    },
  );

  it("a quote inside an unquoted cell is an error row, not a cell with a quote in it", () => {
    const out = parseCsv(
      enc('upn,flag\na@x,true\nbob"smith@x,true\n"c@x",true\nd@x,"quoted ""fine"""\ne@x,say "hi"\n'),
    );
    expect(out).toMatchObject({ ok: true });
    if (!out.ok) return;
    expect(out.rows.map((r) => [r.line, r.error ?? null])).toEqual([
      [2, null],
      [3, "Line 3: a quote inside an unquoted cell"],
      [4, null],
      [5, null],
      [6, "Line 6: a quote inside an unquoted cell"],
    ]);
  });

  it(
    "a stray quote in a quoted cell that still closes on its line is an error row; " +
      "one that runs on to later lines refuses the file",
    () => {
      const one = parseCsv(enc('upn,flag\n"bob"smith@x",true\nalice@x,false\n'));
      expect(one).toMatchObject({
        ok: true,
        rows: [
          { line: 2, error: 'Line 2: a stray quote inside a quoted cell (write a quote inside one as two: "")' },
          { line: 3, cells: ["alice@x", "false"] },
        ],
      });
      expect(parseCsv(enc('upn,flag\na@x,1\n"bob"smith@x,true\nalice@x,false\n"carol@x",true\n'))).toEqual({
        ok: false,
        error:
          "The quoted cell opened on line 3 holds a stray quote, and its row runs on to line 5: " +
          'those lines would read as one row. Write a quote inside a quoted cell as two ("").',
      });
    },
  );

  it("an unclosed quote that would swallow the rest of the file refuses it, naming the line where it opened", () => {
    expect(parseCsv(enc('upn,note\na@x,fine\nb@x,"oops\nc@x,x\nd@x,y\n'))).toEqual({
      ok: false,
      error:
        "The quote opened on line 3 is never closed: everything after it would read as one cell. " +
        'Close it, or write a quote meant as text as two ("").',
    });
    // On the last line it swallows nothing else: that row alone is wrong.
    expect(parseCsv(enc('upn,note\na@x,fine\nb@x,"oops\n'))).toMatchObject({
      ok: true,
      rows: [{ line: 2 }, { line: 3, error: "Line 3: a quote that is never closed" }],
    });
  });

  it("bytes that are not UTF-8 on one line make that row an error; the rest of the file reads", () => {
    const bytes = Uint8Array.from([
      ...enc("upn,flag\r\na@x,1\r\n"),
      0x72,
      0xe9,
      0x6e,
      0xe9,
      0x40,
      0x78,
      0x2c,
      0x32,
      0x0d,
      0x0a,
      ...enc('c@x,"two\r\n'),
      0xff,
      ...enc('"\r\nd@x,3\r\n'),
    ]);
    const out = parseCsv(bytes);
    expect(out).toMatchObject({ ok: true });
    if (!out.ok) return;
    expect(out.rows.map((r) => [r.line, r.error ?? null])).toEqual([
      [2, null],
      [3, "Line 3: bytes that are not UTF-8 text"],
      [4, "Line 4: bytes that are not UTF-8 text (on line 5)"],
      [6, null],
    ]);
    expect(out.rows[3]!.cells).toEqual(["d@x", "3"]);
  });

  it(
    "a NUL on one line makes that row an error (without the NUL, which Postgres cannot store); " +
      "the rest of the file reads",
    () => {
      const out = parseCsv(
        Uint8Array.from([...enc("upn,flag\na@x,1\n"), 0x62, 0x00, 0x40, 0x78, 0x2c, 0x32, 0x0a, ...enc("c@x,3\n")]),
      );
      expect(out).toMatchObject({
        ok: true,
        rows: [
          { line: 2, cells: ["a@x", "1"] },
          { line: 3, cells: ["b\uFFFD@x", "2"], error: "Line 3: a NUL byte (binary data, not text)" },
          { line: 4, cells: ["c@x", "3"] },
        ],
      });
    },
  );

  it("refuses a file whose header cannot be read, and files that are not text", () => {
    expect(parseCsv(Uint8Array.from([0x75, 0x70, 0xe9, 0x0a, ...enc("a@x\n")]))).toEqual({
      ok: false,
      error: 'The header (line 1) is not UTF-8 text. Save the sheet as "CSV UTF-8" and upload that.',
    });
    expect(parseCsv(enc('up"n,flag\na@x,1\n'))).toEqual({
      ok: false,
      error: "The header (line 1) cannot be read: a quote inside an unquoted cell.",
    });
    expect(parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/binary data, such as an Excel workbook/),
    });
    expect(parseCsv(Uint8Array.from([0xff, 0xfe, 0x75, 0x00, 0x0a, 0x00]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/UTF-16/),
    });
    expect(parseCsv(Uint8Array.from([0x75, 0x00, 0x70, 0x00, 0x0a, 0x00]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/binary data/),
    });
  });

  it("refuses empty and header-only files", () => {
    expect(parseCsv(enc(""))).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv(enc(" \n \n"))).toEqual({ ok: false, error: "The file is empty." });
    expect(parseCsv(enc("upn\n"))).toEqual({ ok: false, error: "The file has a header but no rows." });
  });

  it("refuses more than 100,000 rows and more than 20 MB", () => {
    const big = `upn\n${"a@x.example\n".repeat(100_001)}`;
    expect(parseCsv(enc(big))).toEqual({
      ok: false,
      error: "The file has more than 100,000 rows. Split it into smaller files.",
    });
    expect(parseCsv(new Uint8Array(22 * 1024 * 1024))).toEqual({
      ok: false,
      error: "The file is 22.0 MB; the limit is 20 MB. Split it into smaller files.",
    });
  });

  it("reads back exactly what a CSV writer wrote, whatever the cells hold", () => {
    let seed = 11;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const bits = ["a", "b@x.example", '"', ",", ";", "\n", "\r\n", " ", "é", "=1+2", "\t"];
    for (let i = 0; i < 200; i++) {
      const width = 1 + Math.floor(rand() * 4);
      const cell = () =>
        Array.from({ length: Math.floor(rand() * 5) }, () => bits[Math.floor(rand() * bits.length)])
          .join("")
          .replace(/\r\n/g, "\n");
      const header = Array.from({ length: width }, (_, k) => `col${k}`);
      // Rows with some text in the first cell (a row of empty cells is skipped as a blank line).
      const rows = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => [
        `r${Math.floor(rand() * 1000)}`,
        ...Array.from({ length: width - 1 }, cell),
      ]);
      const text = Papa.unparse([header, ...rows], {
        newline: i % 2 ? "\r\n" : "\n",
        quotes: rows.map(() => rand() < 0.3) as never,
      });
      const out = parseCsv(enc(text));
      expect(out, text).toMatchObject({ ok: true, headers: header });
      if (!out.ok) continue;
      expect(
        out.rows.map((r) => r.cells),
        text,
      ).toEqual(rows);
      expect(
        out.rows.every((r) => !r.error),
        text,
      ).toBe(true);
      // Each row starts one line after the previous one ended.
      let line = 2;
      out.rows.forEach((r, k) => {
        expect(r.line, text).toBe(line);
        line += 1 + rows[k]!.join("").split("\n").length - 1;
      });
    }
  });

  it("never throws on random bytes or random text, and every row it cannot read names its line", () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['"', ",", ";", "\t", "\n", "\r", "a", "@", " ", "=", "é", "\uFEFF", "\0"];
    for (let i = 0; i < 500; i++) {
      const len = Math.floor(rand() * 200);
      const text = Array.from({ length: len }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const bytes = i % 2 ? enc(text) : Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
      const out = parseCsv(bytes);
      expect(typeof out.ok).toBe("boolean");
      if (!out.ok) expect(out.error.length).toBeGreaterThan(5);
      else for (const r of out.rows) if (r.error) expect(r.error).toMatch(new RegExp(`^Line ${r.line}: `));
      if (out.ok) expect(out.rows.some((r) => r.cells.some((c) => c.includes("\0")))).toBe(false);
    }
  });
});

describe("mapHeaders", () => {
  it("matches headers without case or spaces, through aliases", () => {
    expect(mapHeaders(["User Principal Name", "Reset_Phone"], cols)).toEqual({
      ok: true,
      index: { upn: 0, resetPhone: 1 },
    });
    expect(mapHeaders(["EMAIL"], cols)).toEqual({ ok: true, index: { upn: 0 } });
  });
  it("names the missing and the unknown columns", () => {
    const out = mapHeaders(["name", "phone"], cols);
    expect(out).toMatchObject({ ok: false });
    if (out.ok) return;
    expect(out.error).toContain("missing column: userUpn");
    expect(out.error).toContain("unknown columns: name, phone");
  });
  it("builds trimmed row objects without empty optional cells", () => {
    expect(rowObject([" a@x ", ""], { upn: 0, resetPhone: 1 })).toEqual({ upn: "a@x" });
  });
});
