"use server";
import { action } from "../actions/action";
import { saveDomainAliasesBody, saveDomainAliasesDef } from "./domain-aliases";

export const saveDomainAliases = action(saveDomainAliasesDef, saveDomainAliasesBody);
