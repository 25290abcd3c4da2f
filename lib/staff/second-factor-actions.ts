"use server";
import { action } from "../actions/action";
import {
  resetSecondFactorBody,
  resetSecondFactorDef,
  saveSecondFactorPolicyBody,
  saveSecondFactorPolicyDef,
} from "./second-factor-admin";

export const resetSecondFactor = action(resetSecondFactorDef, resetSecondFactorBody);
export const saveSecondFactorPolicy = action(saveSecondFactorPolicyDef, saveSecondFactorPolicyBody);
