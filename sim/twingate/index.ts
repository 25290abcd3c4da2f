import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";
import { type CompiledQuery, compileQuery, isCompiledQuery } from "graphql-jit";
import type { SimSize } from "../core/directory";
import { json, type SimRequest, type SimResponse, SimServer } from "../core/http-server";
import { idNumber } from "./ids";
import { mutationResolvers } from "./mutations";
import { queryResolvers } from "./queries";
import { RollingWindowLimiter } from "./rate-limit";
import { executableSchema } from "./schema";
import { seedTwingate } from "./seed";

export { TWINGATE_ERRORS } from "./errors";
export type { TwingateState } from "./state";

export interface TwingateSimCredentials {
  apiKey: string;
}

/** The API token the simulator accepts unless told otherwise. */
export const TWINGATE_SIM_CREDENTIALS: TwingateSimCredentials = { apiKey: "tg-sim-4f1d2c9a7e6b5d3c8a0f" };

/** The documented limits: 60 reads and 20 writes per rolling minute. */
export const TWINGATE_SIM_RATE_LIMITS = { readsPerWindow: 60, writesPerWindow: 20, windowMs: 60_000 };

export interface TwingateSimOptions {
  size?: SimSize;
  seed?: number;
  credentials?: TwingateSimCredentials;
  rateLimits?: Partial<typeof TWINGATE_SIM_RATE_LIMITS>;
  /** Seed only this company (a DNS domain of the directory); default: all of them. */
  domain?: string;
}

export const TWINGATE_GRAPHQL_PATH = "/api/graphql/";

/** What reached the GraphQL handler (after fault injection), by root field, for "sent exactly once" checks. */
export interface RequestLog {
  total: number;
  byField: Record<string, number>;
}

export function createTwingateSim(opts: TwingateSimOptions = {}) {
  const credentials = opts.credentials ?? TWINGATE_SIM_CREDENTIALS;
  const limits = { ...TWINGATE_SIM_RATE_LIMITS, ...opts.rateLimits };
  const state = seedTwingate(opts.size ?? "small", opts.seed ?? 20261123, undefined, opts.domain);
  const schema = executableSchema({ ...queryResolvers(state), ...mutationResolvers(state) });
  const reads = new RollingWindowLimiter(limits.readsPerWindow, limits.windowMs);
  const writes = new RollingWindowLimiter(limits.writesPerWindow, limits.windowMs);
  const log: RequestLog = { total: 0, byField: {} };
  const documents: Documents = new Map();

  const ctx: Context = { documents, schema, credentials, reads, writes, log };
  const server = new SimServer({ envPrefix: "SIM_TWINGATE", rateLimit: (req) => countFailed(req, ctx) });
  server.route("POST", TWINGATE_GRAPHQL_PATH, (req) => handleGraphql(req, ctx));

  server.sim("GET", "/__sim/requests", () => json(200, log));
  server.sim("DELETE", "/__sim/requests", () => {
    log.total = 0;
    log.byField = {};
    return json(200, log);
  });
  // A device that connects again leaves ARCHIVED by itself; a blocked one stays blocked.
  server.sim("POST", "/__sim/devices/:id/connect", (req) => {
    const device = state.devices.get(idNumber(req.params.id, "Device") ?? -1);
    if (!device) return json(404, { message: "no such device" });
    if (device.activeState === "ARCHIVED") device.activeState = "ACTIVE";
    if (device.activeState === "ACTIVE") device.lastSuccessfulLoginAt = state.now();
    else device.lastFailedLoginAt = state.now();
    return json(200, { id: device.id, activeState: device.activeState });
  });
  server.sim("GET", "/__sim/summary", () =>
    json(200, {
      users: state.users.size,
      devices: state.devices.size,
      groups: state.groups.size,
      resources: state.resources.size,
      remoteNetworks: state.remoteNetworks.size,
      connectors: state.connectors.size,
      serviceAccounts: state.serviceAccounts.size,
    }),
  );

  return { server, state, credentials };
}

export type TwingateSim = ReturnType<typeof createTwingateSim>;

/**
 * Parsed and validated documents by query text, bounded so that odd clients
 * cannot grow it without end; queries also compiled, per operation name.
 */
type Documents = Map<string, Known>;
interface Known {
  document: DocumentNode;
  invalid: readonly GraphQLError[];
  compiled?: Map<string | undefined, CompiledQuery | null>;
}
const MAX_DOCUMENTS = 200;

function remember(documents: Documents, query: string, entry: Known) {
  if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  documents.set(query, entry);
}

interface Context {
  documents: Documents;
  schema: GraphQLSchema;
  credentials: TwingateSimCredentials;
  reads: RollingWindowLimiter;
  writes: RollingWindowLimiter;
  log: RequestLog;
}

const errors = (status: number, list: readonly GraphQLError[]): SimResponse =>
  json(status, { errors: list.map((e) => e.toJSON()) });

/** A request's operation, read far enough to tell a query from a mutation; or the answer refusing it. */
interface Operation {
  body: { query: string; variables?: unknown };
  known: Known | undefined;
  document: DocumentNode;
  op: OperationDefinitionNode;
  operationName: string | undefined;
}

function readOperation(req: SimRequest, ctx: Context): Operation | SimResponse {
  const key = req.headers["x-api-key"];
  if (typeof key !== "string" || key !== ctx.credentials.apiKey) {
    return json(401, { message: key ? "Invalid API key" : "API key is missing: send it in the X-API-KEY header" });
  }
  let body: { query?: unknown; variables?: unknown; operationName?: unknown };
  try {
    body = JSON.parse(req.body);
  } catch {
    return json(400, { errors: [{ message: "Request body is not valid JSON." }] });
  }
  if (typeof body?.query !== "string") return json(400, { errors: [{ message: "Must provide query string." }] });
  const known = ctx.documents.get(body.query);
  let document: DocumentNode;
  if (known) document = known.document;
  else {
    try {
      document = parse(body.query);
    } catch (err) {
      return errors(400, [err as GraphQLError]);
    }
  }
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const op = getOperationAST(document, operationName);
  if (!op) return json(400, { errors: [{ message: "Could not determine which operation to run." }] });
  return { body: body as Operation["body"], known, document, op, operationName };
}

/** The documented limit: 60 reads and 20 writes per minute, over it 429 with Retry-After (NOTES.md §3). */
function overLimit(ctx: Context, op: OperationDefinitionNode): SimResponse | null {
  const verdict = (op.operation === "mutation" ? ctx.writes : ctx.reads).take();
  return verdict.ok
    ? null
    : json(429, { message: "Too Many Requests" }, { "retry-after": String(verdict.retryAfterSeconds) });
}

/**
 * A request about to be failed by an injected server error still reached
 * Twingate, and counts as one of the minute's requests [infer: the limit is
 * on requests, NOTES.md §3]; so a client that resends it spends the budget
 * again. One Twingate would refuse anyway (bad key, not a document) is not counted.
 */
function countFailed(req: SimRequest, ctx: Context): SimResponse | null {
  const read = readOperation(req, ctx);
  return "op" in read ? overLimit(ctx, read.op) : null;
}

function handleGraphql(req: SimRequest, ctx: Context): SimResponse {
  const read = readOperation(req, ctx);
  if (!("op" in read)) return read;
  const { body, known, document, op, operationName } = read;
  for (const sel of op.selectionSet.selections) {
    if (sel.kind === "Field") ctx.log.byField[sel.name.value] = (ctx.log.byField[sel.name.value] ?? 0) + 1;
  }
  ctx.log.total++;
  const refused = overLimit(ctx, op);
  if (refused) return refused;
  // A client sends the same few documents over and over: parsing and
  // validating each once answers exactly as doing it every time would.
  const entry: Known = known ?? { document, invalid: validate(ctx.schema, document) };
  if (!known) remember(ctx.documents, body.query, entry);
  if (entry.invalid.length) return errors(400, entry.invalid);
  const variableValues =
    body.variables && typeof body.variables === "object" ? (body.variables as Record<string, unknown>) : undefined;
  const compiled = op.operation === "query" ? compiledQuery(ctx.schema, entry, operationName) : null;
  const result = compiled
    ? compiled.query(undefined, undefined, variableValues)
    : execute({ schema: ctx.schema, document, operationName, variableValues });
  if (result instanceof Promise) throw new Error("resolvers are synchronous");
  const { errors: failed, ...rest } = result as ExecutionResult;
  // graphql-js puts errors first; the compiled query's result lists data first.
  return json(200, failed ? { errors: failed, ...rest } : rest);
}

/**
 * A query document compiled to JavaScript (graphql-jit) the first time it is
 * run: the sync asks the same few documents for 100 nodes at a time, and
 * graphql-js's interpreter spent a millisecond or more of every page's time
 * walking them field by field. Answers are graphql-js's, resolvers and
 * errors included; a document the compiler refuses runs through graphql-js.
 * Mutations are few and always interpreted.
 */
function compiledQuery(schema: GraphQLSchema, entry: Known, operationName: string | undefined): CompiledQuery | null {
  entry.compiled ??= new Map();
  let compiled = entry.compiled.get(operationName);
  if (compiled === undefined) {
    const made = compileQuery(schema, entry.document, operationName);
    compiled = isCompiledQuery(made) ? made : null;
    entry.compiled.set(operationName, compiled);
  }
  return compiled;
}
