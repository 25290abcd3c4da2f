import { MAX_FILE_BYTES } from "../bulk/upload-limits";

/**
 * The largest server action body Next.js accepts (next.config.js's
 * serverActions.bodySizeLimit, 25 MB): above it Next answers with a bare 500.
 * It leaves room over the largest upload (20 MB) for the form's other fields
 * and multipart framing, so an upload the form would refuse is still read
 * and answered with its own message up to here.
 */
export const ACTION_BODY_LIMIT_BYTES = 25 * 1024 * 1024;

/**
 * Why a server action request is refused before it is read, or null: a body
 * declared larger than the limit gets a 413 that says so, instead of the
 * 500 Next.js would give once it had read that far. (A body sent without a
 * length is still cut off by Next.js itself.)
 */
export function actionBodyRefusal(method: string, headers: Headers): string | null {
  if (method !== "POST" || !headers.has("next-action")) return null;
  const length = Number(headers.get("content-length"));
  if (!Number.isFinite(length) || length <= ACTION_BODY_LIMIT_BYTES) return null;
  return (
    `The request is ${(length / 1048576).toFixed(1)} MB; uploads are limited ` +
    `to ${MAX_FILE_BYTES / 1048576} MB. Split the file into smaller files.`
  );
}
