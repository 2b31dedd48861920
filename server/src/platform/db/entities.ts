// Every feature's entities, registered once. A feature adds its own list here.
import { notificationEntities } from '../../notifications/notifications.entity.js';
import { appointmentEntities } from '../../appointments/appointments.entity.js';
import { accountEntities } from '../../accounts/accounts.entity.js';
import { customerEntities } from '../../customers/customers.entity.js';
import { rotationEntities } from '../../rotation/rotation.entity.js';
import { figuresEntities } from '../../figures/figures.entity.js';
import { settingsEntities } from '../../settings/settings.entity.js';
import { visitEntities } from '../../visits/visits.entity.js';
import { wallEntities } from '../../wall/board-tokens.entity.js';
import { leaseEntities } from './lease.js';

export const entities: Function[] = [...accountEntities, ...rotationEntities, ...customerEntities, ...appointmentEntities, ...settingsEntities, ...notificationEntities, ...visitEntities, ...figuresEntities, ...wallEntities, ...leaseEntities];
