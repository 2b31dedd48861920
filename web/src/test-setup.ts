// Unit tests switch languages synchronously: both languages in memory before any test runs
// (the app itself loads English only when it is chosen).
import { preloadLocale } from '@/stores/locale';

await preloadLocale('en');
