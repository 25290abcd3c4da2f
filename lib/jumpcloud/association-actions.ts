"use server";
import { actionOf } from "../operations/derive/action";
import addAssociationOp from "../operations/jumpcloud/add-association";
import removeAssociationOp from "../operations/jumpcloud/remove-association";

// Bindings between the people side (a user or a user group) and the device
// side (a system or a system group), defined once in
// lib/operations/jumpcloud/_association.ts.

type Association = {
  tenantId: string;
  fromType: "user" | "user_group";
  fromId: string;
  toType: "system" | "system_group";
  toId: string;
  undoOf?: string;
};
type Named = { from: string | null; to: string | null };

export const addAssociation = actionOf<Association, Named>(addAssociationOp);

export const removeAssociation = actionOf<Association, Named>(removeAssociationOp);
