// Create an account, or edit one (name, department, post, roles). The login name is fixed once made:
// the audit trail and paper registers refer to people by it.
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { useState } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { methods, type Role } from '../../../db/contract';
import type { User } from '../../../db/contract/accounts';
import { useApiMutation, type ApiError } from '../../api';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';
import { fieldRule } from '../../components/zodRule';
import { RoleCheckboxes } from './RoleCheckboxes';

const createInput = methods['accounts.create'].input;
const updateInput = methods['accounts.update'].input;

interface Values {
  name: string;
  login: string;
  department?: string;
  post?: string;
  roles: Role[];
  password?: string;
  passwordConfirm?: string;
}

export function AccountDialog({ account, onClose }: { account: User | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isNew = account === 'new';
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const create = useApiMutation('accounts.create', ['accounts.list', 'accounts.people']);
  const update = useApiMutation('accounts.update', ['accounts.list', 'accounts.people', 'accounts.me']);

  const submit = async (v: Values) => {
    setError(null);
    const common = { name: v.name, department: v.department ?? '', post: v.post ?? '', roles: v.roles ?? [] };
    try {
      if (isNew) {
        const u = await create.mutateAsync({ ...common, login: v.login, password: v.password ?? '' });
        message.success(t('accounts.created', { name: u.name }));
      } else {
        await update.mutateAsync({ id: account.id, ...common });
        message.success(t('accounts.updated'));
      }
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  const schema = isNew ? createInput : updateInput;
  return (
    <Modal
      open
      title={isNew ? t('accounts.create') : t('accounts.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={isNew ? { roles: ['clerk'] } : { name: account.name, login: account.login, department: account.department, post: account.post, roles: account.roles }}
        aria-label={isNew ? t('accounts.create') : t('accounts.edit')}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('accounts.name')} rules={fieldRule(schema, 'name')}>
              <Input autoFocus />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="login" label={t('accounts.login')} rules={isNew ? fieldRule(createInput, 'login') : []}>
              <Input disabled={!isNew} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="department" label={t('accounts.department')} rules={fieldRule(schema, 'department')}>
              <DepartmentSelect allowNew />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label={t('accounts.post')} rules={fieldRule(schema, 'post')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="roles" label={t('accounts.roles')} extra={t('accounts.rolesHint')} rules={fieldRule(schema, 'roles')}>
          <RoleCheckboxes />
        </Form.Item>
        {isNew ? <PasswordFields name="password" label={t('accounts.initialPassword')} loginField="login" confirm={false} /> : null}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
