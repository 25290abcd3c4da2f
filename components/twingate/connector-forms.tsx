"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { createTwingateConnector, generateTwingateConnectorTokens } from "@/lib/twingate/network-actions";
import { FormDialog } from "./form-dialog";

type Tokens = { accessToken: string; refreshToken: string };

const ONCE = "The tokens are shown once, here. Copy them to the connector's host now: nobody can show them again.";

/** A connector's two tokens, shown once with a copy button each. */
function TokensShownOnce({ tokens }: { tokens: Tokens }) {
  return (
    <div
      className="space-y-2 rounded-md border border-warning bg-warning/10 p-3"
      role="status"
      data-testid="connector-tokens"
    >
      {(
        [
          ["accessToken", "Access token"],
          ["refreshToken", "Refresh token"],
        ] as const
      ).map(([key, label]) => (
        <div key={key} className="space-y-1">
          <Label htmlFor={`tg-connector-${key}`}>{label} (shown once)</Label>
          <div className="flex gap-2">
            <Input
              id={`tg-connector-${key}`}
              readOnly
              value={tokens[key]}
              className="font-mono text-xs"
              data-testid={`connector-${key}`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={() => void navigator.clipboard?.writeText(tokens[key])}
            >
              Copy
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}

export function CreateConnectorDialog({
  tenantId,
  networks,
}: {
  tenantId: string;
  networks: { id: string; name: string }[];
}) {
  const [tokens, setTokens] = useState<Tokens | null>(null);
  return (
    <FormDialog
      title="Create a connector"
      submitLabel={tokens ? "Create another" : "Create"}
      action={createTwingateConnector}
      undo
      extra={{ tenantId }}
      testId="connector-create-form"
      description={ONCE}
      trigger={<Button data-testid="connector-create-open">Create connector</Button>}
      success={(d) =>
        d.tokens ? `Twingate: connector ${d.name} created. Copy its tokens now.` : `Twingate: ${d.tokenError}`
      }
      onDone={(d) => {
        setTokens(d.tokens);
        return d.tokens !== null;
      }}
    >
      {(errors) => (
        <>
          {tokens ? <TokensShownOnce tokens={tokens} /> : null}
          <Field id="tg-connector-network" label="Remote network" errors={errors.remoteNetworkId}>
            <Select id="tg-connector-network" name="remoteNetworkId" required>
              {networks.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id="tg-connector-name" label="Name" hint="Optional: Twingate names it otherwise" errors={errors.name}>
            <Input id="tg-connector-name" name="name" maxLength={200} />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="hasStatusNotificationsEnabled" defaultChecked /> Email admins when its status
            changes
          </label>
        </>
      )}
    </FormDialog>
  );
}

/** New tokens for a connector whose host is deployed again (the old ones stop working there once replaced). */
export function ConnectorTokensDialog({
  tenantId,
  connectorId,
  name,
}: {
  tenantId: string;
  connectorId: string;
  name: string;
}) {
  const [tokens, setTokens] = useState<Tokens | null>(null);
  return (
    <FormDialog
      title={`New tokens for ${name}`}
      submitLabel={tokens ? "Generate again" : "Generate tokens"}
      action={generateTwingateConnectorTokens}
      extra={{ tenantId, connectorId }}
      testId="connector-tokens-form"
      description={ONCE}
      trigger={
        <Button size="sm" variant="ghost" data-testid="connector-tokens-open" aria-label={`New tokens for ${name}`}>
          New tokens
        </Button>
      }
      success={(d) => `Twingate: new tokens for ${d.name}. Copy them now.`}
      onDone={(d) => {
        setTokens(d.tokens);
        return true;
      }}
    >
      {tokens ? <TokensShownOnce tokens={tokens} /> : <p className="text-sm">Deploy the connector again with them.</p>}
    </FormDialog>
  );
}
