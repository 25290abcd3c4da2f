"use server";
import { action } from "../actions/action";
import { createApiTokenBody, createApiTokenDef, revokeApiTokenBody, revokeApiTokenDef } from "./manage";

export const createApiToken = action(createApiTokenDef, createApiTokenBody);
export const revokeApiToken = action(revokeApiTokenDef, revokeApiTokenBody);
