// How a category reads next to its code tag: "C" + "业务客户" rather than "C" + "C类 业务客户".

/** The category's name without a leading word that repeats its code ("C类 业务客户" → "业务客户"). */
export function categoryShortName(c: { code: string; name: string }): string {
  const name = c.name.trim();
  if (!c.code || !name.toUpperCase().startsWith(c.code.toUpperCase())) return name;
  const rest = name
    .replace(/^\S+\s*/u, '')
    .replace(/^[-–—·:：]\s*/u, '')
    .trim();
  return rest || name;
}

/** One line for a select: "C · 业务客户". */
export function categoryLabel(c: { code: string; name: string }): string {
  return `${c.code} · ${categoryShortName(c)}`;
}
