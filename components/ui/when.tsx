"use client";
import type { ReactNode } from "react";
import {
  type DateInput,
  exactDateTime,
  formatDateTime,
  MISSING,
  NOT_A_DATE,
  type Precision,
  relative,
  toDate,
  zoneLabel,
} from "@/lib/format/date-time";
import { useTimeZone } from "./time-zone";

type Props = {
  at: DateInput;
  /** Shown, muted, when there is no time at all ("never", "—"). */
  missing?: ReactNode;
  className?: string;
} & (
  | { mode?: "absolute"; precision?: Precision }
  /** `now` comes from the server's render, so the browser's first render says the same ("3 d ago"). */
  | { mode: "relative"; now: number }
);

/**
 * A point in time as the console shows it: absolute in the staff member's zone (table cells, the default)
 * or relative for activity ("last heard"), always as <time> with the exact time and its zone on hover, and
 * the zone for screen readers.
 */
export function When(props: Props) {
  const timeZone = useTimeZone();
  const d = toDate(props.at);
  if (!d) {
    const absent = props.at === null || props.at === undefined || props.at === "";
    return <span className="text-muted-foreground">{absent ? (props.missing ?? MISSING) : NOT_A_DATE}</span>;
  }
  const exact = exactDateTime(d, timeZone);
  // Screen readers get the zone (and, for relative text, the time itself) as hidden text: the time role
  // cannot be named (ARIA 1.2), so an aria-label on it would be ignored.
  const [text, spoken] =
    props.mode === "relative"
      ? [relative(props.now - d.getTime()), `, ${exact}`]
      : [formatDateTime(d, { timeZone, precision: props.precision }), ` ${zoneLabel(d, timeZone)}`];
  return (
    <time dateTime={d.toISOString()} title={exact} className={props.className}>
      {text}
      <span className="sr-only">{spoken}</span>
    </time>
  );
}

/** The absolute time alone, as text, where markup cannot go (an SVG <title>, an <option>); prefer <When>. */
export function DateText({ at, precision }: { at: DateInput; precision?: Precision }) {
  return formatDateTime(at, { timeZone: useTimeZone(), precision });
}
