// Every feature's migrations in order. Migrations run at start on SQLite and MySQL alike:
// write them with TypeORM's QueryRunner schema API (Table, TableIndex…), not raw SQL, so
// one file serves both. A feature keeps its migrations in its own `migrations/` folder.
import { Accounts1732300000000 } from '../../accounts/migrations/1732300000000-accounts.js';
import { Rotation1732400000000 } from '../../rotation/migrations/1732400000000-rotation.js';
import { Customers1732500000000 } from '../../customers/migrations/1732500000000-customers.js';
import { Appointments1732600000000 } from '../../appointments/migrations/1732600000000-appointments.js';
import { RotationSnapshotSeq1732700000000 } from '../../rotation/migrations/1732700000000-rotation-snapshot-seq.js';
import { SettingsChanges1732800000000 } from '../../settings/migrations/1732800000000-settings-changes.js';
import { RotationReceptions1732900000000 } from '../../rotation/migrations/1732900000000-rotation-receptions.js';
import { CustomerPhoneKeys1733000000000 } from '../../customers/migrations/1733000000000-customer-phone-keys.js';
import { CustomerMerges1733000000001 } from '../../customers/migrations/1733000000001-customer-merges.js';
import { UsersAllSites1733100000000 } from '../../accounts/migrations/1733100000000-users-all-sites.js';
import { RotationDeputies1733100000001 } from '../../rotation/migrations/1733100000001-rotation-deputies.js';
import { Visits1733200000000 } from '../../visits/migrations/1733200000000-visits.js';
import { Figures1733250000000 } from '../../figures/migrations/1733250000000-figures.js';
import { CustomerIntentGrade1733300000000 } from '../../customers/migrations/1733300000000-customer-intent-grade.js';
import { BoardTokens1733330000000 } from '../../wall/migrations/1733330000000-board-tokens.js';
import { FiguresSpeed1733340000000 } from '../../figures/migrations/1733340000000-figures-speed.js';
import { RotationEventsDaySeq1733380000000 } from '../../rotation/migrations/1733380000000-rotation-events-day-seq.js';
import { RotationSnapshots1733400000000 } from '../../rotation/migrations/1733400000000-rotation-snapshots.js';

// In timestamp order.
export const migrations: Function[] = [
  Accounts1732300000000,
  Rotation1732400000000,
  Customers1732500000000,
  Appointments1732600000000,
  RotationSnapshotSeq1732700000000,
  SettingsChanges1732800000000,
  RotationReceptions1732900000000,
  CustomerPhoneKeys1733000000000,
  CustomerMerges1733000000001,
  UsersAllSites1733100000000,
  RotationDeputies1733100000001,
  Visits1733200000000,
  Figures1733250000000,
  CustomerIntentGrade1733300000000,
  BoardTokens1733330000000,
  FiguresSpeed1733340000000,
  RotationEventsDaySeq1733380000000,
  RotationSnapshots1733400000000,
];
