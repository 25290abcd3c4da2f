import { When } from "@/components/ui/when";

/** Says plainly that lists come from the cache, and when it was last filled. */
export function CacheNote({ syncedAt }: { syncedAt: Date | null | undefined }) {
  return (
    <p className="mb-3 text-xs text-muted-foreground" data-testid="cache-note">
      {syncedAt ? (
        <>
          From the last Twingate sync (<When at={syncedAt} />) and the console&apos;s own changes since.
        </>
      ) : (
        "Nothing synced yet: run a Twingate sync on the Sync page to fill these lists."
      )}
    </p>
  );
}
