import type { RouteRecordRaw } from 'vue-router';
import type { NavIcon } from '@/components/nav-icons';
import type { Role } from '@/graphql/generated/graphql';
import LoginPage from '@/pages/login/LoginPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Any of these roles may open the route; none listed: anyone signed in. */
    roles?: Role[];
    /** i18n key of the page title (header and browser tab). */
    title?: string;
    /** Shown in the side navigation, under `group` when set. */
    nav?: { icon: NavIcon; group?: 'settings' };
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: LoginPage,
    meta: { public: true, title: 'login.title' },
  },
  {
    path: '/',
    // Lazy: the sign-in page does not pay for the shell (menu, header, notification bell).
    component: () => import('@/components/AppLayout.vue'),
    children: [
      // The guard sends `/` to the user's home.
      { path: '', name: 'home', component: { render: () => null } },
      {
        path: 'floor',
        name: 'floor',
        component: () => import('@/pages/floor/FloorBoardPage.vue'),
        meta: { roles: ['MANAGER'], title: 'nav.floor', nav: { icon: 'Monitor' } },
      },
      {
        // R15: the floor log of a day, with the board at any moment.
        path: 'floor/history',
        name: 'floor-history',
        component: () => import('@/pages/floor/FloorHistoryPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'history.title' },
      },
      {
        path: 'desk',
        name: 'desk',
        component: () => import('@/pages/desk/DeskPage.vue'),
        meta: { roles: ['RECEPTION'], title: 'nav.desk', nav: { icon: 'House' } },
      },
      {
        path: 'me/floor',
        name: 'my-floor',
        component: () => import('@/pages/me/MyFloorPage.vue'),
        meta: { roles: ['CONSULTANT'], title: 'nav.myFloor', nav: { icon: 'User' } },
      },
      {
        // Issue 8: the signed-in user's tasks (P1), approvals (P1, C1) and special requests (P5).
        path: 'me/work',
        name: 'my-work',
        component: () => import('@/pages/me/MyWorkPage.vue'),
        meta: { title: 'nav.myWork', nav: { icon: 'Finished' } },
      },
      {
        // P1–P5: the site's visit appointments, filtered by state, category, department and days.
        path: 'appointments',
        name: 'appointments',
        component: () => import('@/pages/appointments/AppointmentListPage.vue'),
        meta: { title: 'nav.appointments', nav: { icon: 'Memo' } },
      },
      {
        // P1: a visit request with the category's standard (C1) and live C1/C4 hints.
        path: 'appointments/new',
        name: 'appointment-request',
        component: () => import('@/pages/appointments/RequestAppointmentPage.vue'),
        meta: { title: 'nav.requestAppointment' },
      },
      {
        // One appointment: approval, checklist, room and equipment, special requests, history.
        path: 'appointments/:id(\\d+)',
        name: 'appointment',
        component: () => import('@/pages/appointments/AppointmentPage.vue'),
        props: true,
        meta: { title: 'nav.appointment' },
      },
      {
        // Issue 8: the site's appointments and rooms by week.
        path: 'appointments/calendar',
        name: 'appointment-calendar',
        component: () => import('@/pages/appointments/AppointmentCalendarPage.vue'),
        meta: { title: 'nav.calendar', nav: { icon: 'Grid' } },
      },
      // Outbound customer visits (SPEC section 5, V1–V3).
      {
        // The visit day on the consultant's phone: check in, then the V3 report.
        path: 'me/visits',
        name: 'my-visits',
        component: () => import('@/pages/visits/MyVisitsPage.vue'),
        meta: { roles: ['CONSULTANT'], title: 'nav.myVisits', nav: { icon: 'Location' } },
      },
      {
        // V1: the consultant's monthly plan; the manager's review of the site's plans.
        path: 'visits/plan',
        name: 'visit-plan',
        component: () => import('@/pages/visits/VisitPlanPage.vue'),
        meta: { roles: ['CONSULTANT', 'MANAGER', 'ADMIN'], title: 'nav.visitPlan', nav: { icon: 'Guide' } },
      },
      {
        // V2: customers due (and overdue) for a visit.
        path: 'visits/due',
        name: 'visits-due',
        component: () => import('@/pages/visits/DueVisitsPage.vue'),
        meta: { roles: ['CONSULTANT', 'MANAGER', 'ADMIN'], title: 'nav.visitsDue', nav: { icon: 'AlarmClock' } },
      },
      // The customer register (SPEC section 2, O1–O9).
      {
        // O3: a consultant's own customers, sorted by how soon ownership lapses.
        path: 'customers/mine',
        name: 'my-customers',
        component: () => import('@/pages/customers/CustomerListPage.vue'),
        props: { scope: 'MINE' },
        meta: { roles: ['CONSULTANT'], title: 'nav.myCustomers', nav: { icon: 'Notebook' } },
      },
      {
        // O1, O5, O6: registering with a live duplicate check; the desk and managers name the consultant.
        path: 'customers/register',
        name: 'customer-register',
        component: () => import('@/pages/customers/RegisterCustomerPage.vue'),
        meta: {
          roles: ['CONSULTANT', 'MANAGER', 'RECEPTION'],
          title: 'nav.registerCustomer',
          nav: { icon: 'EditPen' },
        },
      },
      {
        // O9: the register, full numbers only for the owner and managers.
        path: 'customers',
        name: 'customers',
        component: () => import('@/pages/customers/CustomerListPage.vue'),
        props: { scope: 'ALL' },
        meta: {
          roles: ['CONSULTANT', 'MANAGER', 'ADMIN'],
          title: 'nav.customers',
          nav: { icon: 'Tickets' },
        },
      },
      {
        path: 'customers/:id(\\d+)',
        name: 'customer',
        component: () => import('@/pages/customers/CustomerPage.vue'),
        props: true,
        meta: { roles: ['CONSULTANT', 'MANAGER', 'ADMIN'], title: 'nav.customer' },
      },
      {
        // O5, O6 and disputed deals (O7): the manager decides, with a reason.
        path: 'customers/conflicts',
        name: 'customer-conflicts',
        component: () => import('@/pages/customers/ConflictsPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.conflicts', nav: { icon: 'Warning' } },
      },
      {
        // O7 attribution, O8 split credit.
        path: 'deals',
        name: 'deals',
        component: () => import('@/pages/customers/DealsPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.deals', nav: { icon: 'Coin' } },
      },
      {
        // Issue 15: the manager's figures (charts and tables, xlsx export); echarts loads with this page only.
        path: 'figures',
        name: 'figures',
        component: () => import('@/pages/figures/FiguresPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.figures', nav: { icon: 'DataAnalysis' } },
      },
      {
        // R2: the manager sets the week here; administrators may too.
        path: 'admin/shifts',
        name: 'admin-shifts',
        component: () => import('@/pages/admin/ShiftsPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.shifts', nav: { icon: 'Calendar' } },
      },
      {
        // The register from and to spreadsheets (import: O1 rows, all or nothing; export: O9).
        path: 'customers/import',
        name: 'customer-import',
        component: () => import('@/pages/customers/CustomerImportPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'customerImport.nav', nav: { icon: 'Upload' } },
      },
      {
        path: 'admin',
        redirect: { name: 'admin-users' },
      },
      {
        path: 'admin/users',
        name: 'admin-users',
        component: () => import('@/pages/admin/UsersPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.users',
          nav: { icon: 'UserFilled', group: 'settings' },
        },
      },
      {
        path: 'admin/sites',
        name: 'admin-sites',
        component: () => import('@/pages/admin/SitesPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.sites',
          nav: { icon: 'OfficeBuilding', group: 'settings' },
        },
      },
      {
        path: 'admin/departments',
        name: 'admin-departments',
        component: () => import('@/pages/admin/DepartmentsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.departments',
          nav: { icon: 'Setting', group: 'settings' },
        },
      },
      {
        path: 'admin/rotation',
        name: 'admin-rotation',
        component: () => import('@/pages/admin/RotationSettingsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.rotationSettings',
          nav: { icon: 'Operation', group: 'settings' },
        },
      },
      {
        // O3 follow-up period and O7 deal look-back, per site.
        path: 'admin/customers',
        name: 'admin-customer-settings',
        component: () => import('@/pages/admin/CustomerSettingsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.customerSettings',
          nav: { icon: 'Notebook', group: 'settings' },
        },
      },
      {
        // C1–C4: client categories and their reception standards; managers read them.
        path: 'admin/categories',
        name: 'admin-categories',
        component: () => import('@/pages/admin/CategoriesPage.vue'),
        meta: {
          roles: ['ADMIN', 'MANAGER'],
          title: 'nav.categories',
          nav: { icon: 'Medal', group: 'settings' },
        },
      },
      {
        // P2 meeting rooms and C3 equipment, per site.
        path: 'admin/rooms',
        name: 'admin-rooms',
        component: () => import('@/pages/admin/RoomsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.rooms',
          nav: { icon: 'Box', group: 'settings' },
        },
      },
      {
        // V1–V3: the site's region, visit intervals, report deadline, plan reminder.
        path: 'admin/visits',
        name: 'admin-visit-settings',
        component: () => import('@/pages/visits/VisitSettingsPage.vue'),
        meta: {
          roles: ['MANAGER', 'ADMIN'],
          title: 'nav.visitSettings',
          nav: { icon: 'MapLocation', group: 'settings' },
        },
      },
      {
        path: '403',
        name: 'forbidden',
        component: () => import('@/pages/errors/ForbiddenPage.vue'),
        meta: { title: 'errorPages.forbidden.title' },
      },
    ],
  },
  {
    // Issue 16: the wall screen with a manager's board token: no sign-in, never times out.
    // Declared before /wall/:siteId? so /wall/t/… is never read as a site id.
    path: '/wall/t/:siteId/:token?',
    name: 'wall-token',
    component: () => import('@/pages/floor/WallTokenPage.vue'),
    meta: { public: true, title: 'board.title' },
  },
  {
    // The wall screen (SPEC section 6): its own layout, no navigation chrome.
    path: '/wall/:siteId?',
    name: 'wall',
    component: () => import('@/pages/floor/WallBoardPage.vue'),
    meta: { roles: ['MANAGER', 'ADMIN'], title: 'board.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/errors/NotFoundPage.vue'),
    meta: { public: true, title: 'errorPages.notFound.title' },
  },
];
