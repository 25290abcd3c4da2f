// Applies pending migrations to DATABASE_URL, or to the embedded database in the data folder.

import { applyMigrations } from "../lib/db/migrations";
import { withDatabase } from "./lib/with-database";

await withDatabase(async (url) => {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "No pending migrations.");
});
