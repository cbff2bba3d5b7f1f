// 账号管理: administrators manage accounts; auditors may read the list (三权分立: they check, not change).
import { useState } from 'react';
import { App, Alert, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../db/contract/accounts';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { AccountDialog } from './AccountDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { Departments } from './Departments';

const PAGE_SIZE = 20;

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canEdit = hasRole(me, ['admin']);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const list = useApiQuery('accounts.list', { q: q || undefined, page, pageSize: PAGE_SIZE, includeDisabled: true }, { placeholderData: (prev) => prev });
  const setActive = useApiMutation('accounts.setActive', ['accounts.list', 'accounts.people']);

  const toggle = async (u: User) => {
    try {
      await setActive.mutateAsync({ id: u.id, active: !u.active });
      message.success(u.active ? t('accounts.disabledDone') : t('accounts.enabledDone'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const columns: TableColumnsType<User> = [
    { title: t('accounts.name'), dataIndex: 'name', width: 110 },
    { title: t('accounts.login'), dataIndex: 'login', width: 130 },
    { title: t('accounts.department'), dataIndex: 'department', ellipsis: true },
    { title: t('accounts.post'), dataIndex: 'post', ellipsis: true },
    {
      title: t('accounts.roles'),
      dataIndex: 'roles',
      render: (roles: User['roles']) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
    },
    { title: t('accounts.status'), key: 'status', width: 150, render: (_, u) => <StatusTags user={u} /> },
    { title: t('accounts.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('accounts.resetPassword')}
          </Button>
          <Popconfirm
            title={u.active ? t('accounts.disableConfirm', { name: u.name }) : t('accounts.enableConfirm', { name: u.name })}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => toggle(u)}
          >
            <Button type="link" size="small" danger={u.active}>
              {u.active ? t('accounts.disable') : t('accounts.enable')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Page
      title={t('accounts.title')}
      extra={
        <>
          <Input.Search
            allowClear
            placeholder={t('accounts.searchPlaceholder')}
            aria-label={t('accounts.searchPlaceholder')}
            enterButton={t('common.search')}
            className="search-box"
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('accounts.create')}
            </Button>
          ) : null}
        </>
      }
    >
      {!canEdit ? <Alert className="page-alert" type="info" showIcon title={t('accounts.readOnly')} /> : null}
      <ErrorAlert error={list.error} />
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(u) => (u.active ? '' : 'row-disabled')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
        }}
        scroll={{ x: 1000 }}
      />
      {editing ? <AccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} /> : null}
      <Departments canEdit={canEdit} />
    </Page>
  );
}

function StatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  const locked = !!user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
  return (
    <Space size={4} wrap>
      {!user.active ? <Tag className="tag-off">{t('accounts.disabled')}</Tag> : locked ? <Tag className="tag-bad">{t('accounts.locked')}</Tag> : <Tag className="tag-ok">{t('accounts.active')}</Tag>}
      {user.mustChangePassword ? <Tag className="tag-warn">{t('accounts.mustChange')}</Tag> : null}
    </Space>
  );
}
