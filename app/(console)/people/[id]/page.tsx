import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { UserActions as JumpCloudUserActions } from "@/components/jumpcloud/user-actions";
import { OffboardButton } from "@/components/offboarding/offboard-button";
import { PersonTruGridActions, PersonTruuDeletes, PersonTwingateState } from "@/components/people/person-actions";
import { Facts, VendorCard } from "@/components/people/vendor-card";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { type PageProps, pageContext } from "@/lib/pages/page-context";
import { pathId } from "@/lib/params/fields";
import { loadPersonView, personTenant } from "@/lib/people/person-view";

export const metadata: Metadata = { title: "Person" };

const ASSURANCE: Record<number, string> = { 100: "Basic", 300: "Trusted", 500: "Certified" };

export default async function PersonPage(props: PageProps) {
  // Another tenant's person is "not found", and the attempt is in the audit log.
  const {
    staff,
    params: { id },
    found,
  } = await pageContext(props, {
    page: "/people/[id]",
    perm: "console.read",
    params: z.object({ id: pathId(100) }),
    tenant: ({ params }) => personTenant(db(), params.id),
    describe: (params) => [{ type: "person", id: params.id }],
  });
  const view = await found(loadPersonView(db(), staff.tenantIds, id), { type: "person", id });
  // An old link to a person later merged through an alias lands on the person it became.
  if (view.mergedInto !== null) redirect(`/people/${view.mergedInto}`);
  const { person, trugrid, truu, twingate, jumpcloud } = view;
  const tenantId = person.tenantId;
  // Each vendor's actions inline, shown to those who may use them (the actions check again on the server).
  const may = {
    trugrid: can(staff.role, "trugrid.user.write"),
    truu: can(staff.role, "truu.write"),
    twingate: can(staff.role, "twingate.write"),
    jumpcloud: can(staff.role, "jumpcloud.write"),
    jumpcloudDelete: can(staff.role, "jumpcloud.destructive"),
  };
  return (
    <>
      <PageHeader
        title={person.displayName ?? person.emailNorm}
        description={`${person.emailNorm} · one person across the vendors, from the last sync of each`}
      />
      <div className="mb-4 flex items-center gap-4 text-sm">
        <Link href="/people" className="link">
          ← People
        </Link>
        <Link href={`/audit?person=${encodeURIComponent(person.id)}`} className="link">
          Audit events about this person
        </Link>
        {can(staff.role, "offboarding.run") ? (
          <span className="ml-auto">
            <OffboardButton tenantId={tenantId} personId={person.id} email={person.emailNorm} />
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <VendorCard title="TruGrid" known={!!trugrid} testId="person-trugrid">
          {trugrid ? (
            <>
              <Facts
                items={[
                  ["UPN", trugrid.user.upn],
                  [
                    "Last logon IP",
                    `web ${trugrid.user.webIp ?? "—"} · desktop ${trugrid.user.desktopIp ?? "—"} · ` +
                      `mobile ${trugrid.user.mobileIp ?? "—"}`,
                  ],
                  // biome-ignore lint/correctness/useJsxKeyInIterable: a [label, value] pair, not a list of siblings
                  ["Synced", <When at={trugrid.user.syncedAt} />],
                ]}
              />
              <div>
                <div className="font-medium">Machine associations</div>
                {trugrid.associations.length ? (
                  <ul className="mt-1 list-disc pl-5">
                    {trugrid.associations.map((a) => (
                      <li key={a.id}>
                        {a.group}
                        {a.machine ? ` → ${a.machine}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="text-muted-foreground">None cached.</p>
                )}
              </div>
              {may.trugrid ? <PersonTruGridActions tenantId={tenantId} upn={trugrid.user.upn} /> : null}
            </>
          ) : null}
        </VendorCard>

        <VendorCard title="TruU" known={truu.users.length > 0 || truu.devices.length > 0} testId="person-truu">
          {truu.users.map((u) => (
            <Facts
              key={u.id}
              items={[
                ["Enrolled user", u.displayName ?? u.upn],
                ["UPN", u.upn],
                // biome-ignore lint/correctness/useJsxKeyInIterable: a [label, value] pair, not a list of siblings
                ["Last synced (TruU)", <When at={u.lastSynced} />],
              ]}
            />
          ))}
          <div>
            <div className="font-medium">Devices ({truu.devices.length})</div>
            <ul className="mt-1 space-y-1">
              {truu.devices.map((d) => (
                <li key={d.id}>
                  {d.deviceName ?? d.vendorId} <span className="text-muted-foreground">{d.type}</span>{" "}
                  {d.assuranceLevel ? <Badge>{ASSURANCE[d.assuranceLevel] ?? d.assuranceLevel}</Badge> : null}{" "}
                  <span className="text-xs text-muted-foreground">
                    last heard <When at={d.lastHeardFrom} />
                  </span>
                </li>
              ))}
            </ul>
            {may.truu && truu.devices.length ? (
              <div className="mt-2">
                <PersonTruuDeletes
                  tenantId={tenantId}
                  devices={truu.devices.map((d) => ({
                    vendorId: d.vendorId,
                    deviceName: d.deviceName,
                    type: d.type,
                    userUpn: d.userUpn,
                  }))}
                />
              </div>
            ) : null}
          </div>
        </VendorCard>

        <VendorCard title="Twingate" known={twingate.users.length > 0} testId="person-twingate">
          {twingate.users.map((u) => (
            <Facts
              key={u.id}
              items={[
                ["User", `${[u.firstName, u.lastName].filter(Boolean).join(" ")} <${u.email}>`],
                [
                  "State",
                  <Badge key="s" variant={u.state === "ACTIVE" ? "success" : "warning"}>
                    {u.state}
                  </Badge>,
                ],
                ["Role", u.role],
                ["Type", u.type],
              ]}
            />
          ))}
          {may.twingate
            ? twingate.users.map((u) => (
                <PersonTwingateState
                  key={u.id}
                  tenantId={tenantId}
                  userId={u.vendorId}
                  email={u.email}
                  state={u.state}
                />
              ))
            : null}
          <div>
            <div className="font-medium">Groups</div>
            <p>
              {twingate.groups.map((g) => g.name).join(", ") || <span className="text-muted-foreground">None.</span>}
            </p>
          </div>
          <div>
            <div className="font-medium">Devices ({twingate.devices.length})</div>
            <ul className="mt-1 space-y-1">
              {twingate.devices.map((d) => (
                <li key={d.id}>
                  {d.name ?? d.hostname ?? d.vendorId} <span className="text-muted-foreground">{d.osName}</span>{" "}
                  <Badge variant={d.activeState === "ACTIVE" ? "success" : "warning"}>{d.activeState}</Badge>{" "}
                  {d.isTrusted ? <Badge variant="success">trusted</Badge> : null}
                </li>
              ))}
            </ul>
          </div>
        </VendorCard>

        <VendorCard title="JumpCloud" known={jumpcloud.users.length > 0} testId="person-jumpcloud">
          {jumpcloud.users.map((u) => (
            <Facts
              key={u.id}
              items={[
                ["User", `${u.displayname ?? u.username} <${u.email}>`],
                [
                  "State",
                  <Badge key="s" variant={u.state === "ACTIVATED" && !u.suspended ? "success" : "warning"}>
                    {u.suspended ? "SUSPENDED" : u.state}
                  </Badge>,
                ],
                [
                  "Locked",
                  u.accountLocked ? (
                    <Badge key="l" variant="destructive">
                      locked
                    </Badge>
                  ) : (
                    "no"
                  ),
                ],
                ["MFA", `${u.mfaStatus ?? "unknown"}${u.totpEnabled ? " · TOTP on" : ""}`],
                ["Password expired", u.passwordExpired ? "yes" : "no"],
              ]}
            />
          ))}
          {may.jumpcloud
            ? jumpcloud.users.map((u) => (
                <JumpCloudUserActions
                  key={u.id}
                  tenantId={tenantId}
                  userId={u.vendorId}
                  email={u.email}
                  state={u.state}
                  locked={!!u.accountLocked}
                  canDelete={may.jumpcloudDelete}
                />
              ))
            : null}
          <div>
            <div className="font-medium">Groups</div>
            <p>
              {jumpcloud.groups.map((g) => g.name).join(", ") || <span className="text-muted-foreground">None.</span>}
            </p>
          </div>
          <div>
            <div className="font-medium">Systems</div>
            <p>
              {jumpcloud.systems.map((s) => s.displayName ?? s.hostname).join(", ") || (
                <span className="text-muted-foreground">None.</span>
              )}
            </p>
          </div>
        </VendorCard>
      </div>
    </>
  );
}
