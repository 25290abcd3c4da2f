import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/actions/action-button";
import { PageHeader } from "@/components/shell/page-header";
import { Table, TableBody, TableCell, TableHeadings, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { Unavailable } from "@/components/vendor/unavailable";
import { db } from "@/lib/db";
import { type PageProps, vendorPage } from "@/lib/pages/vendor-page";
import { approveTwingateAccessRequest, rejectTwingateAccessRequest } from "@/lib/twingate/access-request-actions";
import { openAccessRequests } from "@/lib/twingate/access-requests";

export const metadata: Metadata = { title: "Twingate access requests" };

export default async function Page(props: PageProps) {
  const {
    tenant,
    may: { "twingate.network.write": canAdmin },
  } = await vendorPage(props, { vendor: "twingate", page: "/twingate/access-requests", perm: "console.read" });
  const description =
    "Users asking for a resource they cannot reach, read from Twingate now. Admins approve (the resource's access " +
    "policy says for how long) or reject each one.";
  if (!tenant)
    return <Unavailable vendor="twingate" title="Twingate access requests" description={description} reason="tenant" />;
  const open = await openAccessRequests(db(), tenant.id);
  const tenantId = tenant.id;
  return (
    <>
      <PageHeader title={`Twingate access requests · ${tenant.name}`} description={description} />
      {!open.ok ? (
        <p role="alert" className="rounded-md border border-destructive/40 p-3 text-sm">
          Twingate's requests could not be read: {open.error}
        </p>
      ) : open.requests.length === 0 ? (
        <p className="text-sm text-muted-foreground">No open access requests.</p>
      ) : (
        <Table data-testid="access-requests">
          <TableHeadings columns={["Asked", "User", "Resource", "Reason"]} actions={canAdmin} />
          <TableBody>
            {open.requests.map((r) => {
              const user = `${r.user.firstName} ${r.user.lastName}`.trim() || r.user.email;
              return (
                <TableRow key={r.id}>
                  <TableCell>
                    <When at={r.requestedAt} />
                  </TableCell>
                  <TableCell>
                    {user}
                    <div className="text-xs text-muted-foreground">{r.user.email}</div>
                  </TableCell>
                  <TableCell>
                    <Link className="link" href={`/twingate/resources/${r.resource.id}`}>
                      {r.resource.name}
                    </Link>
                  </TableCell>
                  <TableCell>{r.reason || <span className="text-muted-foreground">None given</span>}</TableCell>
                  {canAdmin ? (
                    <TableCell className="whitespace-nowrap text-right">
                      <div className="flex justify-end gap-2">
                        <ActionButton
                          action={approveTwingateAccessRequest}
                          input={{ tenantId, requestId: r.id }}
                          label="Approve"
                          ariaLabel={`Approve ${user}'s request for ${r.resource.name}`}
                          success={`Twingate: ${user} may reach ${r.resource.name}.`}
                          confirm={{
                            title: `Let ${user} reach ${r.resource.name}?`,
                            description:
                              "Twingate gives the access the resource's policy allows. Taking it away later is " +
                              "done on the resource's page.",
                            confirmLabel: "Approve",
                          }}
                        />
                        <ActionButton
                          action={rejectTwingateAccessRequest}
                          input={{ tenantId, requestId: r.id }}
                          label="Reject"
                          variant="ghost"
                          ariaLabel={`Reject ${user}'s request for ${r.resource.name}`}
                          success={`Twingate: ${user}'s request for ${r.resource.name} rejected.`}
                          confirm={{
                            title: `Reject ${user}'s request for ${r.resource.name}?`,
                            description: "They can ask again.",
                            confirmLabel: "Reject",
                            destructive: true,
                          }}
                        />
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
