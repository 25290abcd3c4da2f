import Link from "next/link";
import { OUTCOME_VARIANT } from "@/components/audit/audit-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { actionText } from "@/lib/audit/action-words";
import type { AuditRow } from "@/lib/audit/query";

/** The latest changes that named one of a person's accounts, devices or addresses, with who made them and why. */
export function PersonHistory({ personId, events }: { personId: string; events: AuditRow[] }) {
  return (
    <Card className="mt-4" data-testid="person-history">
      <CardTitle>Recent changes</CardTitle>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-muted-foreground">Nothing recorded about this person yet.</p>
      ) : (
        <Table className="mt-2">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Change</TableHead>
              <TableHead>By</TableHead>
              <TableHead>Reason</TableHead>
              <TableHead>Outcome</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="whitespace-nowrap">
                  <Link className="link" href={`/audit/${e.id}`}>
                    <When at={e.at} />
                  </Link>
                </TableCell>
                <TableCell>{actionText(e.action)}</TableCell>
                <TableCell>{e.actorName ?? "system"}</TableCell>
                <TableCell className="max-w-64 truncate" title={e.changeReason ?? undefined}>
                  {e.changeReason ?? <span className="text-muted-foreground">—</span>}
                </TableCell>
                <TableCell>
                  <Badge variant={OUTCOME_VARIANT[e.outcome as keyof typeof OUTCOME_VARIANT]}>{e.outcome}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <p className="mt-2 text-sm">
        <Link className="link" href={`/audit?person=${encodeURIComponent(personId)}`}>
          Every audit event about this person
        </Link>
      </p>
    </Card>
  );
}
