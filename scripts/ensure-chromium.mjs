// Browser tests drive Debian's chromium (never a downloaded browser). On a machine where
// it is missing and we are root, install it with CJK fonts; otherwise say how.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`${CHROMIUM} is missing: install it with \`sudo apt-get install chromium fonts-noto-cjk\`.`);
    process.exit(1);
  }
  console.log('Installing Debian chromium and CJK fonts for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk', {
    stdio: 'inherit',
  });
}
