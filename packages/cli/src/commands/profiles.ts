/** `jixiao profiles [--json]`: the rule profiles and what differs between them. */
import { diffProfiles, getProfile, listProfiles } from '@jixiao/core';
import { renderTable } from '../output/render-table.js';
import { styleFor } from '../output/style.js';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';

export const profilesCommand: Command = {
  name: 'profiles',
  summary: '列出各地评分规则及其差异',
  usage: ['jixiao profiles [--json]'],
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
