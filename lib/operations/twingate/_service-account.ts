import { cachedObjects, ref } from "./_object";

// What the service accounts page shares: an account or key named by
// Twingate's id and known from the cache. Service accounts and their keys
// open the network to machines, so they are for admins (NETWORK_OP).

export const saRef = (id: string, label?: string | null) => ref("twingate_service_account", id, label);
export const keyRef = (id: string, label?: string | null) => ref("twingate_service_account_key", id, label);

export const cachedAccounts = cachedObjects<{ serviceAccountId: string }>(
  "service_account",
  "service account",
  (i) => i.serviceAccountId,
);
export const cachedKeys = cachedObjects<{ keyId: string }>("service_account_key", "service key", (i) => i.keyId);
