// Reads of the JumpCloud cache for the console's pages. Every query is
// scoped by tenant in its where clause and skips rows the vendor deleted.
export * from "./queries/associations";
export * from "./queries/groups";
export * from "./queries/lookup";
export * from "./queries/names";
export * from "./queries/overview";
export * from "./queries/systems";
export * from "./queries/users";
