"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { When } from "@/components/ui/when";
import { clearMachineAssociations, reloadAssociations } from "@/lib/trugrid/association-actions";
import type { AssociationRow, GroupSummary } from "@/lib/trugrid/associations";
import { AssociationSetForm } from "./association-set-form";
import { ItemResults, type ShownResult } from "./item-results";

export interface EditorProps {
  tenantId: string;
  domainName: string;
  groups: GroupSummary[];
  view: { group: string } | { user: string } | null;
  rows: AssociationRow[];
  machines: Record<string, { machine: string; users: string[] }[]>;
  users: string[];
  canSet: boolean;
  canClear: boolean;
}

/** Machine associations by group (its machines and their users) or by user (its groups and machines). */
export function AssociationEditor(p: EditorProps) {
  const [result, setResult] = useState<ShownResult | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [upn, setUpn] = useState(p.view && "user" in p.view ? p.view.user : "");
  const router = useRouter();
  const { run, pending } = useRunAction();
  const total = p.groups.reduce((n, g) => n + g.users, 0);

  const clear = (groups: string[], confirm?: string) =>
    run(
      clearMachineAssociations,
      { tenantId: p.tenantId, groups, confirm },
      { success: (d) => d.message, undo: true },
    ).then((res) => {
      setResult(
        res.ok
          ? { title: "Clear associations: TruGrid's answer", items: res.data.items }
          : {
              title: "Clear associations: refused",
              items: [{ item: groups.join(", ") || p.domainName, status: res.error, ok: false }],
            },
      );
      if (res.ok) setChosen([]);
      return res.ok;
    });

  return (
    <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
      <div className="space-y-4">
        <Card>
          <CardTitle>By user</CardTitle>
          <form
            className="mt-2 flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (upn.trim()) router.push(`/trugrid/associations?user=${encodeURIComponent(upn.trim())}`);
            }}
          >
            <Label htmlFor="by-user" className="sr-only">
              User UPN
            </Label>
            <Input
              id="by-user"
              list="by-user-list"
              placeholder="name@domain"
              value={upn}
              onChange={(e) => setUpn(e.target.value)}
              autoComplete="off"
            />
            <datalist id="by-user-list">
              {p.users.map((x) => (
                <option key={x} value={x} />
              ))}
            </datalist>
            <Button type="submit" variant="outline">
              Show
            </Button>
          </form>
        </Card>
        <Card data-testid="machine-groups">
          <CardTitle>Machine groups</CardTitle>
          <CardDescription>As TruGrid&apos;s association reads listed them ({total} associations).</CardDescription>
          <ul className="mt-2 space-y-1 text-sm">
            {p.groups.map((g) => (
              <li key={g.name} className="flex items-center gap-2">
                {p.canClear ? (
                  <input
                    type="checkbox"
                    className="size-4"
                    aria-label={`Choose ${g.name}`}
                    checked={chosen.includes(g.name)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, g.name] : c.filter((x) => x !== g.name)))
                    }
                  />
                ) : null}
                <Link
                  href={`/trugrid/associations?group=${encodeURIComponent(g.name)}`}
                  className="link"
                  aria-current={
                    p.view && "group" in p.view && p.view.group.toLowerCase() === g.name.toLowerCase()
                      ? "page"
                      : undefined
                  }
                >
                  {g.name}
                </Link>
                <span className="ml-auto text-xs text-muted-foreground">{g.users}</span>
                {g.shared ? <Badge className="text-[10px]">shared</Badge> : null}
              </li>
            ))}
            {p.groups.length === 0 ? (
              <li className="text-muted-foreground">
                None known yet: sync TruGrid, or open a group by name with a reload.
              </li>
            ) : null}
          </ul>
          {p.canClear ? (
            <div className="mt-3 flex flex-wrap gap-2">
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="destructive" disabled={chosen.length === 0 || pending}>
                    Clear chosen ({chosen.length})…
                  </Button>
                }
                title={`Clear machine associations of ${chosen.length} group${chosen.length === 1 ? "" : "s"}`}
                destructive
                confirmLabel="Clear"
                onConfirm={() => clear(chosen)}
              >
                <p>
                  TruGrid will remove every user–machine association in {chosen.join(", ")} (
                  {p.groups.filter((g) => chosen.includes(g.name)).reduce((n, g) => n + g.users, 0)} known to this
                  console). Undo sets back the associations this console knew of; TruGrid keeps no copy.
                </p>
              </ConfirmDialog>
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="outline" disabled={pending}>
                    Clear the whole domain…
                  </Button>
                }
                title={`Clear every machine association of ${p.domainName}`}
                destructive
                confirmLabel="Clear everything"
                typeToConfirm={p.domainName}
                onConfirm={() => clear([], p.domainName)}
              >
                <p>
                  TruGrid will remove the user–machine associations of every machine group in{" "}
                  <strong>{p.domainName}</strong> ({total} known to this console). Undo sets back the associations this
                  console knew of; TruGrid keeps no copy.
                </p>
              </ConfirmDialog>
            </div>
          ) : null}
        </Card>
      </div>

      <div className="space-y-4">
        {p.view ? (
          <Card data-testid="association-view">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <CardTitle>{"group" in p.view ? `Group ${p.view.group}` : `User ${p.view.user}`}</CardTitle>
              {p.canSet ? (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={pending}
                  onClick={() =>
                    void run(
                      reloadAssociations,
                      {
                        tenantId: p.tenantId,
                        ...("group" in p.view! ? { groupName: p.view.group } : { userUpn: p.view!.user }),
                      },
                      { success: (d) => d.message },
                    )
                  }
                >
                  Reload from TruGrid
                </Button>
              ) : null}
            </div>
            <Table>
              <TableHeader>
                <TableRow>
                  {"group" in p.view ? (
                    <>
                      <TableHead>Machine</TableHead>
                      <TableHead>User</TableHead>
                    </>
                  ) : (
                    <>
                      <TableHead>Machine group</TableHead>
                      <TableHead>Machine</TableHead>
                    </>
                  )}
                  <TableHead>Read</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.rows.map((r) => (
                  <TableRow key={`${r.userUpn}|${r.groupName}`} data-testid="association-row">
                    {"group" in p.view! ? (
                      <>
                        <TableCell className="font-mono text-xs">{r.machineName}</TableCell>
                        <TableCell className="font-mono text-xs">
                          <Link href={`/trugrid/associations?user=${encodeURIComponent(r.userUpn)}`} className="link">
                            {r.userUpn}
                          </Link>
                        </TableCell>
                      </>
                    ) : (
                      <>
                        <TableCell>
                          <Link
                            href={`/trugrid/associations?group=${encodeURIComponent(r.groupName)}`}
                            className="link"
                          >
                            {r.groupName}
                          </Link>
                        </TableCell>
                        <TableCell className="font-mono text-xs">{r.machineName}</TableCell>
                      </>
                    )}
                    <TableCell className="text-xs text-muted-foreground">
                      <When at={r.syncedAt} />
                    </TableCell>
                  </TableRow>
                ))}
                {p.rows.length === 0 ? (
                  <TableRow>
                    <TableCell colSpan={3} className="py-6 text-center text-muted-foreground">
                      No associations known.
                    </TableCell>
                  </TableRow>
                ) : null}
              </TableBody>
            </Table>
            {"group" in p.view && p.canClear ? (
              <div className="mt-3">
                <ConfirmDialog
                  trigger={
                    <Button size="sm" variant="destructive" disabled={pending}>
                      Clear this group…
                    </Button>
                  }
                  title={`Clear machine associations of ${p.view.group}`}
                  destructive
                  confirmLabel="Clear"
                  onConfirm={() => clear([(p.view as { group: string }).group])}
                >
                  <p>
                    TruGrid will remove all {p.rows.length} known user–machine associations in {p.view.group}. Undo sets
                    them back.
                  </p>
                </ConfirmDialog>
              </div>
            ) : null}
          </Card>
        ) : (
          <Card>
            <CardTitle>Choose a group or a user</CardTitle>
            <CardDescription>
              Pick a machine group on the left, or look up a user, to see and change its associations.
            </CardDescription>
          </Card>
        )}
        {p.canSet ? (
          <Card>
            <CardTitle>Set or replace an association</CardTitle>
            <div className="mt-3">
              <AssociationSetForm
                key={JSON.stringify(p.view)}
                tenantId={p.tenantId}
                groups={p.groups}
                machines={p.machines}
                current={p.rows}
                users={p.users}
                onResult={setResult}
                fixedGroup={
                  p.view && "group" in p.view
                    ? (p.groups.find((g) => g.name.toLowerCase() === (p.view as { group: string }).group.toLowerCase())
                        ?.name ?? p.view.group)
                    : undefined
                }
                fixedUser={p.view && "user" in p.view ? p.view.user : undefined}
              />
            </div>
          </Card>
        ) : null}
        <ItemResults result={result} onClose={() => setResult(null)} />
      </div>
    </div>
  );
}
