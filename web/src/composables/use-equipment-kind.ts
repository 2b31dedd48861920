import { useI18n } from 'vue-i18n';

/**
 * An equipment kind is a code (projector, laser-pointer…) that standards and equipment share;
 * people read its name in the UI language (issue 16). A kind an administrator added without a
 * name in the texts reads as they typed it.
 */
export function useEquipmentKind() {
  const { t, te } = useI18n();
  return (kind: string) =>
    te(`equipmentKindNames.${kind}`) ? t(`equipmentKindNames.${kind}`) : kind;
}
