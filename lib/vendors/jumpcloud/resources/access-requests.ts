// v2 access requests: temporary access granted to a user on a resource, and its revocation.

import type { z } from "zod";
import { type JcCore, json, op } from "../core";
import * as S from "../schemas";

export interface AccessRequestInput {
  requestorId: string;
  resourceId: string;
  resourceType: string;
  remarks?: string;
  expiry?: string;
  additionalAttributes?: Record<string, unknown>;
}

export function createAccessRequest(
  c: JcCore,
  body: AccessRequestInput,
): Promise<z.output<typeof S.AccessRequestCreated>> {
  const call = c.v2.POST("/accessrequests", {
    body: body as never,
    ...op(c, "AccessRequestApi_CreateAccessRequest", false),
  });
  return json(call, S.AccessRequestCreated, "AccessRequestApi_CreateAccessRequest");
}

export async function revokeAccessRequest(c: JcCore, accessId: string): Promise<void> {
  const o = { params: { path: { accessId } }, ...op(c, "AccessRequestApi_RevokeAccessRequest", true) };
  await json(c.v2.POST("/accessrequests/{accessId}/revoke", o), S.EmptyObject, "AccessRequestApi_RevokeAccessRequest");
}
