"use client";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

interface Hit {
  id: string;
  email: string;
  name: string | null;
  tenant: string;
}

/** Find a person by name, UPN or email from any page: "/" or Ctrl+K opens it; arrows and Enter pick. */
export function PersonFinder() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName));
      if ((e.key === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(t);
  }, [text]);

  const { data, isFetching } = useQuery({
    queryKey: ["people-search", query],
    enabled: open && query.length > 0,
    queryFn: async ({ signal }) => {
      const res = await fetch(`/api/people/search?q=${encodeURIComponent(query)}`, { signal });
      if (!res.ok) throw new Error(`search failed (${res.status})`);
      return ((await res.json()) as { people: Hit[] }).people;
    },
  });
  const hits = data ?? [];
  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    setOpen(false);
    setText("");
    router.push(`/people/${hit.id}`);
  };

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="/ Control+K"
        data-testid="open-person-finder"
      >
        <Search />
        Find a person <kbd className="ml-1 rounded border px-1 text-[10px] text-muted-foreground">/</kbd>
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent title="Find a person" description="Name, UPN or email, in every tenant you can see.">
          <Input
            autoFocus
            aria-label="Name, UPN or email"
            value={text}
            placeholder="e.g. alice or alice@northwind.example"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="person-finder-results"
            aria-activedescendant={hits[active] ? `person-hit-${hits[active].id}` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") {
                e.preventDefault();
                setActive((i) => Math.min(i + 1, hits.length - 1));
              }
              if (e.key === "ArrowUp") {
                e.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              }
              if (e.key === "Enter") {
                e.preventDefault();
                go(hits[active]);
              }
            }}
          />
          <ul
            id="person-finder-results"
            /* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the combobox's listbox is a list of
               results; the input above keeps the focus and moves through them */
            role="listbox"
            className="mt-3 max-h-80 overflow-auto"
            data-testid="person-finder-results"
          >
            {hits.map((h, i) => (
              /* biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: a combobox option:
                 focus stays in the input, whose arrow keys and Enter choose it; a click is the mouse's way */
              <li
                key={h.id}
                id={`person-hit-${h.id}`}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the listbox above
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer rounded px-2 py-1.5 text-sm ${i === active ? "bg-accent" : ""}`}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(h)}
              >
                <div>{h.name ?? h.email}</div>
                <div className="text-xs text-muted-foreground">
                  {h.email} · {h.tenant}
                </div>
              </li>
            ))}
            {query && !isFetching && hits.length === 0 ? (
              <li className="px-2 py-1.5 text-sm text-muted-foreground">No one matches.</li>
            ) : null}
          </ul>
        </DialogContent>
      </Dialog>
    </>
  );
}
