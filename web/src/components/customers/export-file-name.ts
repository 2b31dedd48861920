/**
 * The register export's file name in the UI language: the server names the file
 * `register-<site code>-<site day>.xlsx`; the words around the site and day are translated.
 */
export function exportFileName(
  serverName: string,
  t: (key: string, params: Record<string, unknown>) => string,
): string {
  const m = /^register-(.+)-(\d{4}-\d{2}-\d{2})\.xlsx$/.exec(serverName);
  return m ? t('customerImport.exportFileName', { site: m[1], day: m[2] }) : serverName;
}
