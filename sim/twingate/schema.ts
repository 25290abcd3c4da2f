import { readFileSync } from "node:fs";
import { buildSchema, type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema } from "graphql";

// The simulator executes the vendor schema kept in vendor-specs/, the same SDL
// the client's documents are validated against, so a document that passes the
// client test also runs here.
const SDL_URL = new URL("../../vendor-specs/twingate/schema.reconstructed.graphql", import.meta.url);

let sdl: string | undefined;
export function twingateSdl(): string {
  sdl ??= readFileSync(SDL_URL, "utf8");
  return sdl;
}

// GraphQL checks the args against the SDL before a resolver runs, so each resolver declares its own types.
// biome-ignore lint/suspicious/noExplicitAny: each resolver declares its own, SDL-checked source and arg types
export type Resolver = (source: any, args: any) => unknown;
export type ResolverMap = Record<string, Record<string, Resolver>>;

/**
 * A fresh schema per simulator with the given field resolvers
 * attached; other fields read the row property of the same name.
 */
export function executableSchema(resolvers: ResolverMap): GraphQLSchema {
  const schema = buildSchema(twingateSdl());
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) throw new Error(`${typeName} is not an object type in the schema`);
    const defs = type.getFields();
    for (const [fieldName, fn] of Object.entries(fields)) {
      if (!defs[fieldName]) throw new Error(`${typeName}.${fieldName} is not in the schema`);
      defs[fieldName].resolve = ((source, args) => fn(source, args)) as GraphQLFieldResolver<unknown, unknown>;
    }
  }
  return schema;
}
