/**
 * The shipped rule profiles, validated at load, and lookup by "id" or "id@version".
 * Adding a jurisdiction is adding a JSON file under data/ and one line below.
 */
import { JxError } from '../errors/error-codes.js';
import { Profile } from './profile.js';
import national from './data/national.json' with { type: 'json' };
import hunan from './data/hunan.json' with { type: 'json' };
import henan from './data/henan.json' with { type: 'json' };
import hebei from './data/hebei.json' with { type: 'json' };
import yueyangDepartment from './data/yueyang-department.json' with { type: 'json' };

/** Raw profile data as shipped, by file name; exported so tests can validate each file. */
export const PROFILE_DATA: Readonly<Record<string, unknown>> = { national, hunan, henan, hebei, 'yueyang-department': yueyangDepartment };

function loadProfile(file: string, data: unknown): Profile {
  const r = Profile.safeParse(data);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
    throw new JxError('INVALID_PROFILE', `${file}.json：${detail}`);
  }
  return r.data;
}

/** Every shipped profile (all versions), validated. */
export const PROFILES: readonly Profile[] = Object.freeze(
  Object.entries(PROFILE_DATA).map(([file, data]) => loadProfile(file, data)),
);

/** Compare dotted versions numerically ("2023.10" > "2023.9"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx < ny ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** The latest version of every profile id, sorted by id with "national" first. */
export function listProfiles(profiles: readonly Profile[] = PROFILES): Profile[] {
  const latest = new Map<string, Profile>();
  for (const p of profiles) {
    const cur = latest.get(p.id);
    if (!cur || compareVersions(p.version, cur.version) > 0) latest.set(p.id, p);
  }
  return [...latest.values()].sort((a, b) =>
    a.id === b.id ? 0 : a.id === 'national' ? -1 : b.id === 'national' ? 1 : a.id < b.id ? -1 : 1,
  );
}

/**
 * Look up a profile by "hunan" (latest version) or "hunan@2023.2" (exact version).
 * Unknown id or version → JxError UNKNOWN_PROFILE naming what is known.
 */
export function getProfile(ref: string, profiles: readonly Profile[] = PROFILES): Profile {
  const text = String(ref ?? '').trim();
  const at = text.indexOf('@');
  const id = (at >= 0 ? text.slice(0, at) : text).trim().toLowerCase();
  const version = at >= 0 ? text.slice(at + 1).trim() : null;
  const known = listProfiles(profiles).map((p) => p.id);
  const candidates = profiles.filter((p) => p.id === id);
  if (candidates.length === 0) {
    throw new JxError('UNKNOWN_PROFILE', `“${text}”不存在；可用的规则：${known.join('、')}`);
  }
  if (version === null || version === '') {
    return listProfiles(candidates)[0]!;
  }
  const exact = candidates.find((p) => p.version === version);
  if (!exact) {
    const versions = candidates.map((p) => `${p.id}@${p.version}`).join('、');
    throw new JxError(
      'UNKNOWN_PROFILE',
      `规则“${id}”没有版本 ${version}；该规则可用版本：${versions}；可用的规则：${known.join('、')}`,
    );
  }
  return exact;
}

/** "hunan@2023.2" for a profile. */
export function profileRef(p: Pick<Profile, 'id' | 'version'>): string {
  return `${p.id}@${p.version}`;
}
