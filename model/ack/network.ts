/** One vSwitch the platform creates: a zone and the slice of the VPC's CIDR it gets. */
export interface VSwitchPlan {
  zoneId: string;
  cidr: string;
}

/** Bits added to the VPC's prefix for each vSwitch: a /16 VPC gives /20 vSwitches (4096 addresses, 16 zones). */
export const VSWITCH_EXTRA_BITS = 4;

/** An IPv4 CIDR block such as 10.20.0.0/16, with its host bits zero. */
export const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function parseCidr(cidr: string): { base: number; prefix: number } | undefined {
  const m = IPV4_CIDR.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hostBits = 32 - prefix;
  if (base % 2 ** hostBits !== 0) return undefined;
  return { base, prefix };
}

function formatCidr(base: number, prefix: number): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix}`;
}

/** Why a VPC CIDR cannot hold one vSwitch per zone, or undefined when it can. */
export function vpcCidrProblem(cidr: string, zones: number): string | undefined {
  const parsed = parseCidr(cidr);
  if (!parsed) return "is not an IPv4 CIDR block with its host bits zero (e.g. 10.20.0.0/16)";
  if (parsed.prefix < 8 || parsed.prefix > 24) return "must have a prefix between /8 and /24 (VPC limits)";
  if (zones > 2 ** VSWITCH_EXTRA_BITS) return `holds at most ${2 ** VSWITCH_EXTRA_BITS} zones`;
  return undefined;
}

/** One vSwitch per zone, each the next /(prefix+4) slice of the VPC's CIDR, in the order the zones are listed. */
export function planVSwitches(vpcCidr: string, zones: readonly string[]): VSwitchPlan[] {
  const parsed = parseCidr(vpcCidr);
  if (!parsed || vpcCidrProblem(vpcCidr, zones.length)) throw new Error(`unusable VPC CIDR ${vpcCidr}`);
  const prefix = parsed.prefix + VSWITCH_EXTRA_BITS;
  const size = 2 ** (32 - prefix);
  return zones.map((zoneId, i) => ({ zoneId, cidr: formatCidr(parsed.base + i * size, prefix) }));
}

/**
 * Why an Enhanced NAT gateway cannot be created in every listed zone (the first vSwitch's zone holds it, and any
 * zone may be first after a reorder), or undefined when it can. `offered` is the region's answer
 * (vpc.getEnhancedNatAvailableZones).
 */
export function enhancedNatZoneProblem(
  zones: readonly string[],
  offered: readonly string[],
): string | undefined {
  const missing = zones.filter((zone) => !offered.includes(zone));
  if (missing.length === 0) return undefined;
  return (
    `zone${missing.length > 1 ? "s" : ""} ${missing.join(", ")} offer${missing.length > 1 ? "" : "s"} no ` +
    `Enhanced NAT gateway in this region; zones that do: ${[...offered].sort().join(", ") || "none"}`
  );
}
