import type { z } from "zod";
import type { Result } from "./result";
import type { ActionDef } from "./run-action";

/**
 * The definition a wrapped action was declared with, kept on the function
 * itself, so that code holding only the function can tell what it is: the
 * wrapper compares an undo's claimed inverse by its name, and the
 * authorization matrix test reads every action's permission and tenant rule.
 */
const ACTION_DEF = Symbol("actionDef");

type Tagged = { [ACTION_DEF]?: ActionDef<z.ZodType> };

export function tagAction<F extends (input: never) => Promise<Result<unknown>>>(fn: F, def: ActionDef<z.ZodType>): F {
  Object.defineProperty(fn, ACTION_DEF, { value: def, enumerable: false });
  return fn;
}

export function actionDefOf(fn: unknown): ActionDef<z.ZodType> | undefined {
  return typeof fn === "function" ? (fn as Tagged)[ACTION_DEF] : undefined;
}

export function actionNameOf(fn: unknown): string | undefined {
  return actionDefOf(fn)?.name;
}
