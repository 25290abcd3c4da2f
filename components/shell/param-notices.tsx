import { describeIgnored, type ParamProblem } from "@/lib/params/read";

/**
 * Says which query parameters a page dropped as malformed, so a corrected view is never mistaken for the one asked for.
 */
export function ParamNotices({ ignored }: { ignored: ParamProblem[] }) {
  if (ignored.length === 0) return null;
  return (
    <p
      role="status"
      data-testid="param-notice"
      className="mb-4 rounded-md border border-warning/40 bg-warning/10 p-3 text-sm"
    >
      {describeIgnored(ignored).join(" ")}
    </p>
  );
}
