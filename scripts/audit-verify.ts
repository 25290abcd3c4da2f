// npm run audit:verify — walks the audit hash chain; exit 0 and "OK" when intact,
// exit 1 naming the first broken event otherwise.

import { verifyAuditChain } from "../lib/audit/verify";
import { createPrismaClient } from "../lib/db/client";
import { withDatabase } from "./lib/with-database";

const code = await withDatabase(async (url) => {
  const db = createPrismaClient(url, 2);
  try {
    const report = await verifyAuditChain(db);
    if (report.ok) {
      const from = report.fromCheckpoint ? ` from the retention checkpoint at seq ${report.fromCheckpoint.seq}` : "";
      console.log(`OK: ${report.events} audit events, chain intact${from} (head ${report.lastHash.slice(0, 16)}…)`);
      return 0;
    }
    const b = report.brokenAt;
    console.log(
      `BROKEN at event ${b.id} ` +
        `(seq ${b.seq}, ${b.action}, ${b.at.toISOString()}): ${report.reason}. ${report.events} ` +
        `events before it verified.`,
    );
    return 1;
  } finally {
    await db.$disconnect();
  }
});
process.exit(code);
