/** Audit action names of the bulk jobs, by kind: the bulk page lists recent jobs by these. */
export const BULK_ACTIONS = {
  create: "jumpcloud.bulk.users_created",
  update: "jumpcloud.bulk.users_updated",
  unlock: "jumpcloud.bulk.users_unlocked",
  expire: "jumpcloud.bulk.passwords_expired",
  states: "jumpcloud.bulk.states_scheduled",
} as const;
export type BulkKind = keyof typeof BULK_ACTIONS;
