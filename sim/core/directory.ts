import { rng } from "./random";

// One simulated world that every vendor simulator seeds from, so that the
// same people, with the same UPNs, appear in TruGrid, TruU, Twingate and
// JumpCloud, as they do in a real company.

export type SimSize = "small" | "demo" | "large";

export interface SimPerson {
  /** Index within the whole directory: stable across simulators. */
  n: number;
  first: string;
  last: string;
  displayName: string;
  /** user@domain, lower-case. */
  upn: string;
  email: string;
  /** AD objectGUID-style id. */
  guid: string;
  department: string;
  title: string;
  /** Holds an Admin role at the vendors that have one (TruGrid refuses turnOffMfa for them). */
  isAdmin: boolean;
  /** The client machine this person uses, by name. */
  laptop: string;
}

export interface SimMachine {
  name: string;
  kind: "client" | "server";
  os: "Windows" | "macOS";
}

export interface SimGroup {
  name: string;
  members: string[];
}

export interface SimDomain {
  /** DNS domain, e.g. northwind.example. */
  domain: string;
  /** The demo tenant this domain belongs to. */
  tenantName: string;
  people: SimPerson[];
  machines: SimMachine[];
  /** AD user groups (by department, plus helpdesk admins), member UPNs. */
  userGroups: SimGroup[];
  /** Machine groups, member machine names. A group with a server allows shared machines. */
  machineGroups: SimGroup[];
}

const FIRST = [
  "Alice",
  "Ben",
  "Chloe",
  "Daniel",
  "Emma",
  "Farid",
  "Grace",
  "Hiro",
  "Isabel",
  "Jonas",
  "Keisha",
  "Liam",
  "Maya",
  "Noah",
  "Olivia",
  "Priya",
  "Quentin",
  "Rosa",
  "Samuel",
  "Tara",
  "Umar",
  "Valeria",
  "William",
  "Xin",
  "Yara",
  "Zoe",
  "Aaron",
  "Bianca",
  "Carlos",
  "Dana",
  "Elena",
  "Felix",
  "Gita",
  "Hannah",
  "Ivan",
  "Julia",
  "Kofi",
  "Lena",
  "Marco",
  "Nina",
];
const LAST = [
  "Smith",
  "Johnson",
  "Nguyen",
  "Garcia",
  "Müller",
  "Okafor",
  "Patel",
  "Kim",
  "Rossi",
  "Silva",
  "Brown",
  "Dubois",
  "Kowalski",
  "Haddad",
  "Tanaka",
  "Andersen",
  "O'Brien",
  "Schmidt",
  "Lopez",
  "Chen",
  "Ivanova",
  "Mensah",
  "Fischer",
  "Santos",
  "Novak",
  "Walker",
  "Hughes",
  "Larsen",
  "Moreau",
  "Costa",
];
const DEPARTMENTS = [
  { name: "Sales", titles: ["Account Executive", "Sales Manager", "Sales Representative"] },
  { name: "Finance", titles: ["Accountant", "Financial Analyst", "Controller"] },
  { name: "Operations", titles: ["Operations Coordinator", "Logistics Planner", "Warehouse Lead"] },
  { name: "Engineering", titles: ["Software Engineer", "QA Engineer", "Engineering Manager"] },
  { name: "Support", titles: ["Support Specialist", "Support Lead"] },
  { name: "HR", titles: ["HR Generalist", "Recruiter"] },
  { name: "IT", titles: ["Systems Administrator", "Helpdesk Technician", "IT Manager"] },
] as const;

const DOMAINS: Record<SimSize, { domain: string; tenantName: string; people: number; prefix: string }[]> = {
  small: [{ domain: "northwind.example", tenantName: "Northwind Traders", people: 24, prefix: "NW" }],
  demo: [
    { domain: "northwind.example", tenantName: "Northwind Traders", people: 150, prefix: "NW" },
    { domain: "contosodental.example", tenantName: "Contoso Dental Group", people: 90, prefix: "CD" },
    { domain: "fabrikam.example", tenantName: "Fabrikam Logistics", people: 60, prefix: "FB" },
  ],
  large: [{ domain: "globex.example", tenantName: "Globex Corporation", people: 50_000, prefix: "GX" }],
};

function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
}

export function buildDirectory(size: SimSize, seed = 20261123): SimDomain[] {
  const r = rng(seed);
  let n = 0;
  return DOMAINS[size].map((d) => {
    const seen = new Set<string>();
    const people: SimPerson[] = [];
    const machines: SimMachine[] = [];
    for (let i = 0; i < d.people; i++) {
      const first = r.pick(FIRST);
      const last = r.pick(LAST);
      let local = `${ascii(first)}.${ascii(last)}`;
      for (let k = 2; seen.has(local); k++) local = `${ascii(first)}.${ascii(last)}${k}`;
      seen.add(local);
      const dept = i < Math.max(2, Math.round(d.people * 0.04)) ? DEPARTMENTS[6] : r.pick(DEPARTMENTS);
      const mac = r.chance(0.25);
      const laptop = `${d.prefix}-${mac ? "MBP" : "LT"}-${String(i + 1).padStart(size === "large" ? 5 : 4, "0")}`;
      machines.push({ name: laptop, kind: "client", os: mac ? "macOS" : "Windows" });
      people.push({
        n: n++,
        first,
        last,
        displayName: `${first} ${last}`,
        upn: `${local}@${d.domain}`,
        email: `${local}@${d.domain}`,
        guid: r.uuid(),
        department: dept.name,
        title: r.pick(dept.titles),
        // The first IT people are the domain's admins.
        isAdmin: dept.name === "IT" && i < 2,
        laptop,
      });
    }
    const servers = Math.max(2, Math.ceil(d.people / 60));
    for (let s = 1; s <= servers; s++)
      machines.push({ name: `${d.prefix}-RDS-${String(s).padStart(2, "0")}`, kind: "server", os: "Windows" });

    const userGroups: SimGroup[] = DEPARTMENTS.map((dep) => ({
      name: `${dep.name} Users`,
      members: people.filter((p) => p.department === dep.name).map((p) => p.upn),
    })).filter((g) => g.members.length > 0);
    const machineGroups: SimGroup[] = [
      // Client-only groups: a machine belongs to at most one user here.
      ...DEPARTMENTS.map((dep) => ({
        name: `${dep.name} Workstations`,
        members: people.filter((p) => p.department === dep.name).map((p) => p.laptop),
      })).filter((g) => g.members.length > 0),
      // A group with servers: many users may share a machine.
      { name: "Remote Desktop Farm", members: machines.filter((m) => m.kind === "server").map((m) => m.name) },
    ];
    return { domain: d.domain, tenantName: d.tenantName, people, machines, userGroups, machineGroups };
  });
}
