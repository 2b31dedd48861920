// One-off helper (issue 16): removes rule codes (R3, O9, C1…) from the UI texts of both
// languages; keys stay, values change. Run: node scripts/strip-rule-codes.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const CODE = '[RCOPV]\\d{1,2}';
const rules = [
  // " (R15, overrides {rule})" keeps its meaning without the code
  [/ \(R15, overrides \{rule\}\)/g, ' (overriding the {rule} rule)'],
  [/（R15，推翻 \{rule\}）/g, '（推翻“{rule}”规则）'],
  // a whole bracket that starts with a code: " (R5)", "（R11 方案{variant}）", "(O1, O5, O6)"
  [new RegExp(`\\s*[（(]${CODE}[^()（）]*[)）]`, 'g'), ''],
  // a code trailing inside a bracket: "(deputy for {manager}, R15)"
  [new RegExp(`[,，]\\s*${CODE}(?=[)）])`, 'g'), ''],
  // a leading code: "R7 Returning…", "C1: each category…", "C1：…"
  [new RegExp(`^${CODE}(?:[:：]\\s*|\\s+)`, 'g'), ''],
  // a code after a separator: "…; C3: administration…", "…；C3：…"
  [new RegExp(`([;；]\\s*)${CODE}[:：]\\s*`, 'g'), '$1'],
];

function clean(value) {
  let v = value;
  for (const [re, to] of rules) v = v.replace(re, to);
  return v;
}

function walk(node) {
  if (typeof node === 'string') return clean(node);
  if (node && typeof node === 'object') {
    for (const k of Object.keys(node)) node[k] = walk(node[k]);
  }
  return node;
}

for (const lang of ['zh-CN', 'en']) {
  const file = new URL(`../web/src/i18n/${lang}.json`, import.meta.url);
  const json = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify(walk(json), null, 2) + '\n');
}
