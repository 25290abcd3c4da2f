// npm run staff:reset-second-factor -- <email>
// Removes a staff user's second factors and signs them out, from the server:
// for an admin who lost theirs with no other admin to reset it from the
// Staff page. Whoever can run this already holds the database.
import { recordAudit } from "../lib/audit/record";
import { createPrismaClient } from "../lib/db/client";
import { clearSecondFactors } from "../lib/second-factor/factors";
import { withDatabase } from "./lib/with-database";

const email = process.argv[2]?.trim().toLowerCase();
if (!email) {
  console.error("usage: npm run staff:reset-second-factor -- <email>");
  process.exit(2);
}

const code = await withDatabase(async (url) => {
  const db = createPrismaClient(url, 2);
  try {
    const staff = await db.staffUser.findUnique({ where: { email } });
    if (!staff) {
      console.error(`No staff user has the email ${email}.`);
      return 1;
    }
    await db.$transaction(async (tx) => {
      const before = await clearSecondFactors(tx, staff.id);
      await recordAudit(tx, {
        action: "staff.second_factor.reset",
        actor: null,
        outcome: "success",
        targets: [{ type: "staff_user", id: staff.id, label: staff.email }],
        before,
        after: {
          totp: false,
          passkeys: 0,
          recoveryCodesLeft: 0,
          signedOut: true,
          source: "npm run staff:reset-second-factor",
        },
      });
    });
    console.log(
      `${email}: second factors removed, sessions ended. If one ` +
        `is required, they set up a new one at their next sign-in.`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
});
process.exit(code);
