"use server";
import { actionOf } from "../operations/derive/action";
import approve from "../operations/twingate/approve-access-request";
import reject from "../operations/twingate/reject-access-request";

// Settling users' requests for access: a network admin's grant (lib/operations/twingate/_access-request.ts).

type In = { tenantId: string; requestId: string; undoOf?: string };
type Settled = { user: string; resource: string };

export const approveTwingateAccessRequest = actionOf<In, Settled>(approve);
export const rejectTwingateAccessRequest = actionOf<In, Settled>(reject);
