// v2 push verification: a user's push endpoints and a verification push to one.

import type { z } from "zod";
import { type JcCore, json, op } from "../core";
import * as S from "../schemas";

/** The spec gives this route no limit or skip: one answer holds every endpoint. */
export function listPushEndpoints(c: JcCore, userId: string): Promise<S.PushEndpoint[]> {
  const o = { params: { path: { user_id: userId } }, ...op(c, "UserPushEndpoints_List", true) };
  return json(c.v2.GET("/users/{user_id}/pushendpoints", o), S.PushEndpointList, "UserPushEndpoints_List");
}

/** Sends a verification push to the user's device; not resent, the user would get two prompts. */
export function verifyPushEndpoint(
  c: JcCore,
  userId: string,
  pushEndpointId: string,
  message?: string,
): Promise<z.output<typeof S.PushVerification>> {
  const call = c.v2.POST("/users/{userId}/pushendpoints/{pushEndpointId}/verify", {
    params: { path: { userId, pushEndpointId } },
    body: message === undefined ? {} : { message },
    ...op(c, "PushVerifications_Start", false),
  });
  return json(call, S.PushVerification, "PushVerifications_Start");
}
