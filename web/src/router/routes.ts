import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import {
  Calendar,
  House,
  Monitor,
  OfficeBuilding,
  Operation,
  Setting,
  User,
  UserFilled,
} from '@element-plus/icons-vue';
import type { Role } from '@/graphql/generated/graphql';
import AppLayout from '@/components/AppLayout.vue';
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
    nav?: { icon: Component; group?: 'settings' };
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
    component: AppLayout,
    children: [
      // The guard sends `/` to the user's home.
      { path: '', name: 'home', component: { render: () => null } },
      {
        path: 'floor',
        name: 'floor',
        component: () => import('@/pages/floor/FloorBoardPage.vue'),
        meta: { roles: ['MANAGER'], title: 'nav.floor', nav: { icon: Monitor } },
      },
      {
        path: 'desk',
        name: 'desk',
        component: () => import('@/pages/desk/DeskPage.vue'),
        meta: { roles: ['RECEPTION'], title: 'nav.desk', nav: { icon: House } },
      },
      {
        path: 'me/floor',
        name: 'my-floor',
        component: () => import('@/pages/me/MyFloorPage.vue'),
        meta: { roles: ['CONSULTANT'], title: 'nav.myFloor', nav: { icon: User } },
      },
      {
        // R2: the manager sets the week here; administrators may too.
        path: 'admin/shifts',
        name: 'admin-shifts',
        component: () => import('@/pages/admin/ShiftsPage.vue'),
        meta: { roles: ['MANAGER', 'ADMIN'], title: 'nav.shifts', nav: { icon: Calendar } },
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
          nav: { icon: UserFilled, group: 'settings' },
        },
      },
      {
        path: 'admin/sites',
        name: 'admin-sites',
        component: () => import('@/pages/admin/SitesPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.sites',
          nav: { icon: OfficeBuilding, group: 'settings' },
        },
      },
      {
        path: 'admin/departments',
        name: 'admin-departments',
        component: () => import('@/pages/admin/DepartmentsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.departments',
          nav: { icon: Setting, group: 'settings' },
        },
      },
      {
        path: 'admin/rotation',
        name: 'admin-rotation',
        component: () => import('@/pages/admin/RotationSettingsPage.vue'),
        meta: {
          roles: ['ADMIN'],
          title: 'nav.rotationSettings',
          nav: { icon: Operation, group: 'settings' },
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
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/errors/NotFoundPage.vue'),
    meta: { public: true, title: 'errorPages.notFound.title' },
  },
];
