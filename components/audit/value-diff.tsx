import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { diffValues } from "@/lib/audit/diff";

const show = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));
const KIND_CLASS = { added: "text-success", removed: "text-destructive", changed: "" } as const;

/** Before and after of an event, one line per changed value. */
export function ValueDiff({ before, after }: { before: unknown; after: unknown }) {
  const lines = diffValues(before, after);
  if (lines.length === 0) return <p className="text-sm text-muted-foreground">No values recorded, or none changed.</p>;
  return (
    <Table data-testid="audit-diff">
      <TableHeader>
        <TableRow>
          <TableHead>Field</TableHead>
          <TableHead>Before</TableHead>
          <TableHead>After</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.path}>
            <TableCell className="font-mono text-xs">
              {l.path} <span className={`ml-1 text-[10px] uppercase ${KIND_CLASS[l.kind]}`}>{l.kind}</span>
            </TableCell>
            <TableCell className="font-mono text-xs text-destructive line-through decoration-destructive/40">
              {show(l.before)}
            </TableCell>
            <TableCell className="font-mono text-xs">{show(l.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
