"use client";
import { useState } from "react";
import { useRunAction } from "@/components/actions/use-run-action";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { lookUpLogonIps } from "@/lib/trugrid/lookup-actions";
import type { UserLogonIp } from "@/lib/vendors/trugrid";
import { CopyExport } from "./copy-export";
import { splitNames } from "./name-list-form";

/**
 * Asks TruGrid for last logon IPs of some UPNs or the whole domain; the answer is shown, exportable, and refreshes the
 * cache.
 */
export function LogonIpLookup({ tenantId, domainName }: { tenantId: string; domainName: string }) {
  const { run, pending } = useRunAction();
  const [text, setText] = useState("");
  const [found, setFound] = useState<UserLogonIp[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upns = splitNames(text);
  const look = async (list: string[]) => {
    const res = await run(lookUpLogonIps, { tenantId, upns: list }, { success: (d) => d.message });
    setFound(res.ok ? res.data.users : null);
    setError(res.ok ? null : res.error);
  };
  const ip = (v: string | null) => v ?? "";
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>Look up</CardTitle>
        <CardDescription>
          One UPN or many (one per line), or the whole domain. TruGrid answers with each user&apos;s last logon IP per
          client type.
        </CardDescription>
        <form
          className="mt-3 space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (upns.length) void look(upns);
          }}
        >
          <Label htmlFor="lookup-upns">UPNs</Label>
          <textarea
            id="lookup-upns"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={`jane.doe@${domainName}`}
            className="w-full rounded-md border border-input bg-background px-2 py-1 font-mono text-sm"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" disabled={!upns.length || pending}>
              Look up {upns.length > 1 ? `${upns.length} users` : "user"}
            </Button>
            <Button type="button" size="sm" variant="outline" disabled={pending} onClick={() => void look([])}>
              Whole domain ({domainName})
            </Button>
          </div>
        </form>
      </Card>
      {error ? (
        <p role="alert" className="text-sm text-destructive" data-testid="lookup-error">
          {error}
        </p>
      ) : null}
      {found ? (
        <Card data-testid="lookup-result">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>
              {found.length} user{found.length === 1 ? "" : "s"}
            </CardTitle>
            <CopyExport
              name={`trugrid-logon-ips-${domainName}`}
              header={["upn", "web", "desktop", "mobile"]}
              label="logon IPs"
              rows={found.map((u) => [u.upn, ip(u.web), ip(u.desktop), ip(u.mobile)])}
            />
          </div>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>UPN</TableHead>
                <TableHead>Web</TableHead>
                <TableHead>Desktop</TableHead>
                <TableHead>Mobile</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {found.map((u) => (
                <TableRow key={u.upn} data-testid="lookup-row">
                  <TableCell className="font-mono text-xs">{u.upn}</TableCell>
                  {[u.web, u.desktop, u.mobile].map((v, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: three fixed columns (web, desktop, mobile)
                    <TableCell key={i} className="font-mono text-xs">
                      {v ?? <span className="text-muted-foreground">—</span>}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      ) : null}
    </div>
  );
}
