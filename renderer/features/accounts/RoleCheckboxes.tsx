import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../db/contract';

export function RoleCheckboxes(props: { value?: Role[]; onChange?: (v: Role[]) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <div id={props.id} role="group">
      <Checkbox.Group<Role> value={props.value} onChange={(v) => props.onChange?.(v)} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
    </div>
  );
}
