import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { StateBadge } from "@/components/jumpcloud/badges";
import { UserActions as JumpCloudUserActions } from "@/components/jumpcloud/user-actions";
import { OffboardButton } from "@/components/offboarding/offboard-button";
import { PersonTruGridActions, PersonTruuDeletes, PersonTwingateState } from "@/components/people/person-actions";
import { PersonHistory } from "@/components/people/person-history";
import { Facts, VendorCard } from "@/components/people/vendor-card";
import { PageHeader } from "@/components/shell/page-header";
import { DeviceStateBadge, TrustBadge, UserStateBadge } from "@/components/twingate/state-badges";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { listAuditEvents } from "@/lib/audit/query";
import { allows, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { words } from "@/lib/format/words";
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
  const history = allows(staff, "audit.read") ? (await listAuditEvents(staff, { person: id }, 8)).events : null;
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
                  [
                    "UPN",
                    <Link key="u" className="link" href={`/trugrid/users?q=${encodeURIComponent(trugrid.user.upn)}`}>
                      {trugrid.user.upn}
                    </Link>,
                  ],
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
                <div className="font-medium">
                  <Link className="link" href={`/trugrid/associations?user=${encodeURIComponent(trugrid.user.upn)}`}>
                    Machine associations
                  </Link>
                </div>
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
                [
                  "Enrolled user",
                  <Link key="u" className="link" href={`/truu/users/${encodeURIComponent(u.vendorId)}`}>
                    {u.displayName ?? u.upn}
                  </Link>,
                ],
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
                  <Link className="link" href={`/truu/devices?q=${encodeURIComponent(d.deviceName ?? d.vendorId)}`}>
                    {d.deviceName ?? d.vendorId}
                  </Link>{" "}
                  <span className="text-muted-foreground">{words(d.type)}</span>{" "}
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
                [
                  "User",
                  <Link key="u" className="link" href={`/twingate/users?q=${encodeURIComponent(u.email)}`}>
                    {`${[u.firstName, u.lastName].filter(Boolean).join(" ")} <${u.email}>`}
                  </Link>,
                ],
                ["State", <UserStateBadge key="s" state={u.state} />],
                ["Role", words(u.role)],
                ["Source", u.type === "SYNCED" ? "Identity provider" : "Added by hand"],
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
              {twingate.groups.length ? (
                <Links
                  items={twingate.groups.map((g) => ({ href: `/twingate/groups/${g.id}`, text: g.name ?? g.id }))}
                />
              ) : (
                <span className="text-muted-foreground">None.</span>
              )}
            </p>
          </div>
          <div>
            <div className="font-medium">Devices ({twingate.devices.length})</div>
            <ul className="mt-1 space-y-1">
              {twingate.devices.map((d) => (
                <li key={d.id}>
                  <Link className="link" href={`/twingate/devices?q=${encodeURIComponent(d.name ?? d.vendorId)}`}>
                    {d.name ?? d.hostname ?? d.vendorId}
                  </Link>{" "}
                  <span className="text-muted-foreground">{words(d.osName)}</span>{" "}
                  <DeviceStateBadge state={d.activeState} /> <TrustBadge trusted={d.isTrusted} />
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
                [
                  "User",
                  <Link key="u" className="link" href={`/jumpcloud/users/${u.vendorId}`}>
                    {`${u.displayname ?? u.username} <${u.email}>`}
                  </Link>,
                ],
                ["State", <StateBadge key="s" state={u.suspended ? "SUSPENDED" : u.state} />],
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
                ["MFA", `${u.mfaStatus ? words(u.mfaStatus) : "Unknown"}${u.totpEnabled ? " · TOTP on" : ""}`],
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
              {jumpcloud.groups.length ? (
                <Links
                  items={jumpcloud.groups.map((g) => ({
                    href: `/jumpcloud/user-groups/${g.id}`,
                    text: g.name ?? g.id,
                  }))}
                />
              ) : (
                <span className="text-muted-foreground">None.</span>
              )}
            </p>
          </div>
          <div>
            <div className="font-medium">Systems</div>
            <p>
              {jumpcloud.systems.length ? (
                <Links
                  items={jumpcloud.systems.map((s) => ({
                    href: `/jumpcloud/systems/${s.vendorId}`,
                    text: s.displayName ?? s.hostname ?? s.vendorId,
                  }))}
                />
              ) : (
                <span className="text-muted-foreground">None.</span>
              )}
            </p>
          </div>
        </VendorCard>
      </div>
      {history ? <PersonHistory personId={person.id} events={history} /> : null}
    </>
  );
}

/** Objects of a vendor, each a link to its own page, separated by commas. */
function Links({ items }: { items: { href: string; text: string }[] }) {
  return items.map((i, n) => (
    <span key={i.href}>
      {n > 0 ? ", " : null}
      <Link className="link" href={i.href}>
        {i.text}
      </Link>
    </span>
  ));
}
