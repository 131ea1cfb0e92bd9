/**
 * `jixiao profiles [--json]`: the rule profiles, where each knob comes from (document, level,
 * whether checked against its text — 未核实 marked), and what differs between them.
 */
import { SOURCE_LEVEL_LABELS, diffProfiles, getProfile, knobBasis, listProfiles, profileKnobs, type Profile } from '@jixiao/core';
import { renderTable } from '../output/render-table.js';
import { styleFor } from '../output/style.js';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';
import { commandInfo } from './index.js';

export const profilesCommand: Command = {
  ...commandInfo('profiles'),
  async run(args, io) {
    const { values } = parseOptions(args, { json: { type: 'boolean', default: false } });
    const profiles = listProfiles();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(profiles, null, 2)}\n`);
      return 0;
    }
    const s = styleFor(io);
    const out: string[] = [];
    out.push(
      renderTable(
        ['规则', '版本', '名称', '适用地区', '依据'],
        profiles.map((p) => [p.id, p.version, p.name, p.jurisdiction, p.basis]),
      ),
    );
    for (const p of profiles) {
      out.push('');
      out.push(s.bold(`${p.name}（${p.id}@${p.version}）的依据：`));
      out.push(renderSources(p, Boolean(io.stdout.isTTY), s));
    }
    const base = getProfile('national');
    for (const p of profiles) {
      if (p.id === base.id) continue;
      const diff = diffProfiles(base, p);
      out.push('');
      out.push(s.bold(`${p.name}（${p.id}）与 ${base.name} 的差异：`));
      if (diff.length === 0) out.push('  无差异');
      else out.push(renderTable(['项目', base.id, p.id], diff.map((d) => [d.label, d.a, d.b]), { colWidths: [30, 36, 36], terminal: Boolean(io.stdout.isTTY) }));
    }
    io.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

/** One row per knob: the document it follows (or none), its level, 已核对 / 未核实, and the note. */
function renderSources(p: Profile, terminal: boolean, s: ReturnType<typeof styleFor>): string {
  const rows = profileKnobs(p).map((k) => {
    const b = knobBasis(p, k.key);
    if (!b) return [k.label, s.red('（未列出依据）'), '', s.red('未核实'), ''];
    const d = b.document;
    const doc = d ? `${d.number ?? (d.level === 'report' ? '' : '（文号不详）')}《${d.title}》${d.year ? `（${d.year}）` : ''}` : '无文件依据（jixiao 默认）';
    return [k.label, doc, d ? SOURCE_LEVEL_LABELS[d.level] : '—', b.verified ? '已核对' : s.yellow('未核实'), b.note];
  });
  return renderTable(['项目', '依据文件', '级别', '核实', '说明'], rows, { colWidths: [24, 34, 8, 8, 50], terminal });
}
