import Link from "next/link";
import { ActionButton } from "@/components/actions/action-button";
import { StateBadge } from "@/components/jumpcloud/badges";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { cancelScheduledStates } from "@/lib/jumpcloud/bulk-actions";
import type { ScheduledChange } from "@/lib/jumpcloud/scheduled-states";

/** JumpCloud's scheduled state changes not yet run, each cancellable by an operator. */
export function ScheduledChanges(p: {
  tenantId: string;
  read: { ok: true; changes: ScheduledChange[] } | { ok: false; error: string };
  canWrite: boolean;
}) {
  return (
    <Card>
      <CardTitle>Scheduled state changes</CardTitle>
      <CardDescription>
        Waiting at JumpCloud, whoever scheduled them (here or in JumpCloud's console), soonest first.
      </CardDescription>
      {!p.read.ok ? (
        <p role="alert" className="mt-3 text-sm">
          JumpCloud's scheduled changes could not be read: {p.read.error}
        </p>
      ) : p.read.changes.length === 0 ? (
        <p className="mt-3 text-sm text-muted-foreground">Nothing is scheduled.</p>
      ) : (
        <Table className="mt-3" data-testid="scheduled-changes">
          <TableHeadings columns={["When", "User", "Becomes"]} actions={p.canWrite} />
          <TableBody>
            {p.read.changes.map((c) => {
              const who = c.user ?? "a user the last sync did not see";
              return (
                <TableRow key={c.scheduledJobId}>
                  <TableCell>
                    <When at={c.scheduledDate} />
                  </TableCell>
                  <TableCell>
                    {c.user ? (
                      <Link className="link" href={`/jumpcloud/users/${c.userId}`}>
                        {c.user}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">{who}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <StateBadge state={c.state} />
                  </TableCell>
                  {p.canWrite ? (
                    <TableCell className="text-right">
                      <ActionButton
                        action={cancelScheduledStates}
                        input={{ tenantId: p.tenantId, scheduledJobIds: [c.scheduledJobId] }}
                        label="Cancel"
                        variant="ghost"
                        ariaLabel={`Cancel ${who} becoming ${c.state.toLowerCase()}`}
                        success={`JumpCloud: ${who} will not become ${c.state.toLowerCase()}.`}
                        confirm={{
                          title: `Cancel ${who} becoming ${c.state.toLowerCase()}?`,
                          description: "JumpCloud drops the scheduled change; schedule it again to bring it back.",
                          confirmLabel: "Cancel the change",
                        }}
                      />
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
