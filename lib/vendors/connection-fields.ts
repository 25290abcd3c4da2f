import { z } from "zod";

export const VENDOR_IDS = ["trugrid", "truu", "twingate", "jumpcloud"] as const;
export type VendorId = (typeof VENDOR_IDS)[number];

export const VENDOR_LABEL: Record<VendorId, string> = {
  trugrid: "TruGrid",
  truu: "TruU",
  twingate: "Twingate",
  jumpcloud: "JumpCloud",
};

/**
 * What each vendor's connection holds (NOTES.md): the secret fields are sealed
 * at rest and never leave the server; settings are plain.
 */
export const CONNECTION_FIELDS: Record<
  VendorId,
  {
    secrets: { key: "apiKey" | "clientId" | "clientSecret"; label: string }[];
    settings: { key: "domainName" | "network" | "orgId"; label: string; required: boolean; hint: string }[];
    baseUrlHint: string;
  }
> = {
  trugrid: {
    secrets: [{ key: "apiKey", label: "API key (api_key header)" }],
    settings: [
      {
        key: "domainName",
        label: "Domain name",
        required: true,
        hint: "The AD DNS domain this tenant is in TruGrid, e.g. contoso.com",
      },
    ],
    baseUrlHint: "https://<api host issued with the key>",
  },
  truu: {
    secrets: [
      { key: "clientId", label: "OAuth client ID" },
      { key: "clientSecret", label: "OAuth client secret" },
    ],
    settings: [],
    baseUrlHint: "https://global.platform.truu.ai",
  },
  twingate: {
    secrets: [{ key: "apiKey", label: "API token (X-API-KEY)" }],
    settings: [{ key: "network", label: "Network", required: true, hint: "The <network> in <network>.twingate.com" }],
    baseUrlHint: "https://<network>.twingate.com",
  },
  jumpcloud: {
    secrets: [{ key: "apiKey", label: "API key (x-api-key)" }],
    settings: [
      {
        key: "orgId",
        label: "Organisation ID (MSP only)",
        required: false,
        hint: "Sent as x-org-id; leave empty for a single-organisation admin key",
      },
    ],
    baseUrlHint: "https://console.jumpcloud.com",
  },
};

const optionalText = z
  .string()
  .trim()
  .max(500)
  .optional()
  .transform((v) => (v ? v : undefined));

export const SaveConnectionInput = z
  .object({
    tenantId: z.string().min(1),
    vendor: z.enum(VENDOR_IDS),
    baseUrl: z
      .url({ protocol: /^https?$/, error: "An http(s) URL" })
      .trim()
      .transform((u) => u.replace(/\/+$/, "")),
    apiKey: optionalText,
    clientId: optionalText,
    clientSecret: optionalText,
    domainName: optionalText.pipe(
      z
        .string()
        .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, "A DNS domain such as contoso.com")
        .optional(),
    ),
    network: optionalText.pipe(
      z
        .string()
        .regex(/^[a-z0-9-]+$/i, "Letters, digits and hyphens")
        .optional(),
    ),
    orgId: optionalText.pipe(
      z
        .string()
        .regex(/^[a-f0-9]{24}$/i, "A 24-character hexadecimal organisation ID")
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    for (const s of CONNECTION_FIELDS[v.vendor].settings) {
      if (s.required && !v[s.key]) ctx.addIssue({ code: "custom", path: [s.key], message: `${s.label} is required` });
    }
  });
export type SaveConnectionInput = z.output<typeof SaveConnectionInput>;
