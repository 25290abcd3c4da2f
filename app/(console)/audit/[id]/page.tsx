import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ReasonLink } from "@/components/audit/reason-link";
import { UndoButton } from "@/components/audit/undo-button";
import { ValueDiff } from "@/components/audit/value-diff";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { getAuditEvent, relatedEvents } from "@/lib/audit/query";
import { namedValues } from "@/lib/audit/value-names";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { pathId } from "@/lib/params/fields";
import { peopleByEmail } from "@/lib/people/list-people";
import { normEmail } from "@/lib/sync/target";
import { tenantsInScope } from "@/lib/tenants/scope";
import { undoLabels } from "@/lib/undo/registry";

export const metadata: Metadata = { title: "Audit event" };

const OUTCOME_VARIANT = { success: "success", failure: "destructive", denied: "warning", pending: "default" } as const;

type Target = { type: string; id: string; label?: string };

const Params = z.object({ id: pathId(36).pipe(z.uuid({ error: "an invalid id" })) });

export default async function AuditEventPage(props: PageProps) {
  // The event's scope is in its query (auditScope): tenant-less events are the admins' or one's own.
  const {
    staff,
    params: { id },
    found,
  } = await pageContext(props, { page: "/audit/[id]", perm: "audit.read", params: Params, tenant: "global" });
  const event = await found(getAuditEvent(staff, id), { type: "audit_event", id });
  const targets = (Array.isArray(event.targets) ? event.targets : []) as Target[];
  // Related events: the intent/outcome pair of a vendor call, and undos of (or undone by) this event.
  const related = await relatedEvents(db(), staff, event);
  // A target that is a person (an email or UPN) links to their People page when the tenant knows them.
  const emails = targets
    .flatMap((t) => [t.id, t.label])
    .filter((v): v is string => !!v && v.includes("@"))
    .map(normEmail);
  const people = event.tenantId ? await peopleByEmail(db(), event.tenantId, emails) : [];
  const tenantName = event.tenantId
    ? ((await tenantsInScope(staff)).find((t) => t.id === event.tenantId)?.name ?? event.tenantId)
    : null;
  const undo = undoLabels()[event.action];
  // The diff reads names where the cache knows the ids; the ids stay below it, as recorded.
  const [named = event] = await namedValues(db(), [event]);
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-[10rem_1fr] gap-2 border-b py-1.5 text-sm last:border-0">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="break-all">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader title={event.action} description={`Event ${event.id}`} />
      <div className="mb-4">
        <Link href="/audit" className="text-sm link">
          ← Audit log
        </Link>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardTitle>Event</CardTitle>
          <dl className="mt-3" data-testid="audit-event-detail">
            {/* The stored value beside it, to the millisecond: events in the same second are told apart by it. */}
            {row(
              "Time",
              <>
                <When at={event.at} precision="second" />{" "}
                <span className="font-mono text-xs text-muted-foreground">{event.at.toISOString()}</span>
              </>,
            )}
            {row("Actor", event.actorName ? `${event.actorName} <${event.actorEmail}>` : "system")}
            {row("From", [event.ip, event.userAgent].filter(Boolean).join(" · ") || "—")}
            {row(
              "Outcome",
              <>
                <Badge variant={OUTCOME_VARIANT[event.outcome]}>{event.outcome}</Badge>
                {event.reason ? <span className="ml-2">{event.reason}</span> : null}
              </>,
            )}
            {row("Reason given", event.changeReason ? <ReasonLink reason={event.changeReason} /> : "—")}
            {row("Tenant", tenantName ?? "—")}
            {row("Vendor", event.vendor ?? "—")}
            {row(
              "Targets",
              targets.length ? (
                <ul>
                  {targets.map((t) => {
                    const person = people.find(
                      (p) => p.emailNorm === normEmail(t.id) || p.emailNorm === normEmail(t.label),
                    );
                    return (
                      <li key={`${t.type}:${t.id}`}>
                        <span className="text-muted-foreground">{t.type}:</span>{" "}
                        {t.type === "audit_event" ? (
                          <Link className="link" href={`/audit/${t.id}`}>
                            {t.label ?? t.id}
                          </Link>
                        ) : (
                          (t.label ?? t.id)
                        )}
                        {person ? (
                          <>
                            {" "}
                            ·{" "}
                            <Link className="link" href={`/people/${person.id}`} data-testid="person-link">
                              person
                            </Link>
                          </>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                "—"
              ),
            )}
            {row(
              "Job",
              event.jobId ? (
                <Link className="link" href={`/audit?job=${encodeURIComponent(event.jobId)}`}>
                  {event.jobId}
                </Link>
              ) : (
                "—"
              ),
            )}
            {row(
              "Chain",
              <span className="font-mono text-xs">
                seq {event.seq.toString()} · hash {event.hash.slice(0, 24)}… · prev {event.prevHash.slice(0, 24)}…
              </span>,
            )}
          </dl>
          {undo && event.outcome === "success" ? (
            <div className="mt-3">
              <UndoButton eventId={event.id} label={undo} />
            </div>
          ) : null}
        </Card>
        <Card>
          <CardTitle>Before and after</CardTitle>
          <div className="mt-3">
            <ValueDiff before={named.before} after={named.after} />
          </div>
          {/* The values as recorded, ids and all: what an undo or an export reads. */}
          {event.before != null || event.after != null ? (
            <details className="mt-3 text-sm" data-testid="raw-values">
              <summary className="cursor-pointer text-muted-foreground">Values as recorded, with vendor ids</summary>
              <div className="mt-2 grid gap-2 text-xs md:grid-cols-2">
                <pre className="overflow-auto rounded bg-muted p-2">{JSON.stringify(event.before, null, 2)}</pre>
                <pre className="overflow-auto rounded bg-muted p-2">{JSON.stringify(event.after, null, 2)}</pre>
              </div>
            </details>
          ) : null}
          {related.length ? (
            <>
              <CardTitle className="mt-6">Related events</CardTitle>
              <ul className="mt-2 space-y-1 text-sm" data-testid="related-events">
                {related.map((r) => (
                  <li key={r.id}>
                    <Link className="link" href={`/audit/${r.id}`}>
                      <When at={r.at} precision="second" /> · {r.action} · {r.outcome}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>
    </>
  );
}
