import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Clip, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { actionText } from "@/lib/audit/action-words";
import { words } from "@/lib/format/words";
import { UndoButton } from "./undo-button";

interface Row {
  seq: bigint;
  id: string;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  action: string;
  tenantId: string | null;
  vendor: string | null;
  targets: unknown;
  before: unknown;
  after: unknown;
  outcome: string;
  reason: string | null;
  changeReason?: string | null;
  jobId?: string | null;
}

export const OUTCOME_VARIANT = {
  success: "success",
  failure: "destructive",
  denied: "warning",
  pending: "default",
} as const;

/** What an event acted on, by name: a target with no name is its kind alone (its id is on the detail page). */
function targetsText(targets: unknown): string {
  if (!Array.isArray(targets)) return "";
  return targets
    .map((t: { type?: string; id?: string; label?: string }) =>
      t.label ? `${words(t.type)}: ${t.label}` : words(t.type),
    )
    .join(", ");
}

export function AuditTable({
  events,
  tenantNames,
  undoLabels = {},
  undone = new Set(),
}: {
  events: Row[];
  tenantNames: Record<string, string>;
  undoLabels?: Record<string, string>;
  /** Events an undo already reversed: marked so, with no second Undo. */
  undone?: ReadonlySet<string>;
}) {
  if (events.length === 0)
    return <p className="rounded-md border p-6 text-sm text-muted-foreground">No events match.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Tenant and targets</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((e) => (
          <TableRow key={e.id} data-testid="audit-row">
            <TableCell className="whitespace-nowrap font-mono text-xs">
              <Link href={`/audit/${e.id}`} className="link" data-testid="audit-event-link">
                <When at={e.at} precision="second" />
              </Link>
              {e.jobId ? (
                <div>
                  {/* At least 24 px square (WCAG 2.2 target size): rows of these sit one under another. */}
                  <Link
                    href={`/audit?job=${encodeURIComponent(e.jobId)}`}
                    className="inline-flex min-h-6 min-w-6 items-center text-muted-foreground hover:underline"
                  >
                    bulk job
                  </Link>
                </div>
              ) : null}
            </TableCell>
            <TableCell>
              <div>{e.actorName ?? "system"}</div>
              <Clip
                className="block max-w-48 text-xs text-muted-foreground"
                text={[e.actorEmail, e.ip].filter(Boolean).join(" · ")}
              />
            </TableCell>
            <TableCell className="max-w-56">
              <div>{actionText(e.action)}</div>
              {/* The id, for a search or a filter; smaller, as the words come first. */}
              <div className="font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">{e.action}</div>
              {e.changeReason ? (
                <div className="mt-0.5 truncate text-xs" title={e.changeReason} data-testid="event-reason">
                  <span className="text-muted-foreground">Reason: </span>
                  {e.changeReason}
                </div>
              ) : null}
            </TableCell>
            {/* The vendor is in the action's words; the tenant heads what was acted on. */}
            <TableCell>
              <Clip
                className="block max-w-52"
                text={e.tenantId ? (tenantNames[e.tenantId] ?? e.tenantId) : "Console (no tenant)"}
              />
              <Clip className="block max-w-52 text-xs text-muted-foreground" text={targetsText(e.targets)} />
            </TableCell>
            <TableCell>
              <Badge variant={OUTCOME_VARIANT[e.outcome as keyof typeof OUTCOME_VARIANT]}>{e.outcome}</Badge>
              {e.reason ? <div className="mt-1 max-w-48 text-xs text-muted-foreground">{e.reason}</div> : null}
            </TableCell>
            <TableCell>
              {e.before != null || e.after != null ? (
                <details>
                  <summary className="cursor-pointer whitespace-nowrap text-xs text-primary">before / after</summary>
                  <div className="mt-2 grid gap-2 text-xs md:grid-cols-2">
                    <pre className="max-w-80 overflow-auto rounded bg-muted p-2">
                      {JSON.stringify(e.before, null, 2)}
                    </pre>
                    <pre className="max-w-80 overflow-auto rounded bg-muted p-2">
                      {JSON.stringify(e.after, null, 2)}
                    </pre>
                  </div>
                </details>
              ) : null}
              {e.outcome !== "success" ? null : undone.has(e.id) ? (
                <div className="mt-2">
                  <Badge variant="outline" data-testid="event-undone">
                    undone
                  </Badge>
                </div>
              ) : (
                <UndoCell eventId={e.id} label={undoLabels[e.action]} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The undo button of an event whose action has an inverse (a label). */
function UndoCell({ eventId, label }: { eventId: string; label: string | undefined }) {
  return label ? (
    <div className="mt-2">
      <UndoButton eventId={eventId} label={label} compact />
    </div>
  ) : null;
}
