/** Badge variants for a bulk row's plan and status, shared by the bulk job page and the offboarding job page. */
export const PLAN_VARIANT = {
  create: "success",
  update: "default",
  no_change: "outline",
  error: "destructive",
} as const;
export const STATUS_VARIANT = {
  succeeded: "success",
  failed: "destructive",
  unknown: "warning",
  pending: "outline",
  sending: "default",
  skipped: "outline",
  cancelled: "outline",
} as const;
