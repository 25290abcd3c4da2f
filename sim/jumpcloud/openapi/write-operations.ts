// Rewrites operations.json from the documents in vendor-specs/jumpcloud/ after
// a route is added or a document replaced:
//   npx tsx sim/jumpcloud/openapi/write-operations.ts
import { writeFileSync } from "node:fs";
import { extractOperations, loadDocuments, OPERATIONS_FILE, serialize, simRoutes } from "./extract";

writeFileSync(OPERATIONS_FILE, serialize(extractOperations(loadDocuments(), simRoutes())));
