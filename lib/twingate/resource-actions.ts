"use server";
import { actionOf } from "../operations/derive/action";
import addResourceAccess from "../operations/twingate/add-resource-access";
import createResource from "../operations/twingate/create-resource";
import deleteResource from "../operations/twingate/delete-resource";
import removeResourceAccess from "../operations/twingate/remove-resource-access";
import setResourceAccess from "../operations/twingate/set-resource-access";
import updateResource from "../operations/twingate/update-resource";

// Resources and who may reach them are network-wide: admins.
// Every surface is derived from lib/operations/twingate/.

type In = { tenantId: string; undoOf?: string };
type Flag = boolean | "on" | "true" | "false";
type Policy = "ALLOW_ALL" | "RESTRICTED";
/** The resource form's fields, as a form or a caller sends them. */
type ResourceIn = In & {
  name: string;
  address: string;
  alias?: string;
  remoteNetworkId: string;
  isVisible?: Flag;
  isBrowserShortcutEnabled?: Flag;
  allowIcmp?: Flag;
  tcpPolicy?: Policy;
  tcpPorts?: string;
  udpPolicy?: Policy;
  udpPorts?: string;
};
/** One principal's grant as the form sends it: empty policy or expiry means "none". */
type GrantIn = { principalId: string; securityPolicyId?: string; expiresAt?: string };

export const createTwingateResource = actionOf<ResourceIn, { id: string; name: string }>(createResource);

export const updateTwingateResource = actionOf<ResourceIn & { resourceId: string }, { name: string }>(updateResource);

/** Whoever could reach the resource loses it: the page names them before this runs. */
export const deleteTwingateResource = actionOf<In & { resourceId: string }, { name: string }>(deleteResource);

export const addTwingateResourceAccess = actionOf<
  In & { resourceId: string; grants: GrantIn[] },
  { name: string; added: number }
>(addResourceAccess);

/** Replaces all access: whoever is not listed loses it (the page lists them before this runs). */
export const setTwingateResourceAccess = actionOf<
  In & { resourceId: string; grants: GrantIn[] },
  { name: string; count: number; removed: string[] }
>(setResourceAccess);

export const removeTwingateResourceAccess = actionOf<
  In & { resourceId: string; principalIds: string[] },
  { name: string; removed: number }
>(removeResourceAccess);
