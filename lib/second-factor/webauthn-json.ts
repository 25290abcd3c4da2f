import type {
  AuthenticationExtensionsClientOutputs,
  AuthenticationResponseJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { z } from "zod";

// What browsers send back from a passkey prompt (@simplewebauthn/browser's
// JSON), checked for shape and size before the library parses its binary parts.
const B64u = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/, "base64url")
  .max(16_384);
const common = {
  id: B64u.min(1),
  rawId: B64u.min(1),
  type: z.literal("public-key"),
  clientExtensionResults: z
    .custom<AuthenticationExtensionsClientOutputs>(
      (v) => typeof v === "object" && v !== null && !Array.isArray(v),
      "an object",
    )
    .default({}),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
};

export const RegistrationResponse = z
  .object({
    ...common,
    response: z.object({
      clientDataJSON: B64u,
      attestationObject: B64u,
      authenticatorData: B64u.optional(),
      transports: z.array(z.string().max(32)).max(10).optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: B64u.optional(),
    }),
  })
  .transform((r) => r as RegistrationResponseJSON);

export const AuthenticationResponse = z
  .object({
    ...common,
    response: z.object({ clientDataJSON: B64u, authenticatorData: B64u, signature: B64u, userHandle: B64u.optional() }),
  })
  .transform((r) => r as AuthenticationResponseJSON);
