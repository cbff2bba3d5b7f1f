// 备份与恢复 (系统管理员): back up now or to a USB folder (optionally encrypted), the list of backups,
// and restore with the contents shown before anything is replaced.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, useApiMutation, useApiQuery } from '../../api';
import type { BackupRow, Manifest } from '../../../db/contract/backups';
import { Page } from '../../components/Page';
import { applyApiError } from '../../components/formErrors';
import { shanghaiDateTime } from '../../../db/contract/paper';
import { useSession } from '../../app/session';
import './i18n';
import './backups.css';

const size = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

export function BackupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useApiQuery('backups.list', { page, pageSize: 10 });
  const status = useApiQuery('backups.status', {});
  const create = useApiMutation('backups.create', ['backups.list', 'backups.status']);
  const [backupForm] = Form.useForm<{ destDir?: string; passphrase?: string; confirm?: string }>();
  const [showTo, setShowTo] = useState(false);

  const backup = async (values: { destDir?: string; passphrase?: string }) => {
    try {
      const r = await create.mutateAsync({ destDir: values.destDir || undefined, passphrase: values.passphrase || undefined });
      message.success(t('backups.made', { path: r.path }));
      setShowTo(false);
      backupForm.resetFields();
    } catch (e) {
      const rest = applyApiError(backupForm, e);
      if (rest) message.error(rest.message);
    }
  };

  return (
    <Page
      title={t('backups.title')}
      extra={[
        <Button key="now" type="primary" icon={<SaveOutlined />} loading={create.isPending && !showTo} onClick={() => void backup({})}>
          {t('backups.backupNow')}
        </Button>,
        <Button key="to" onClick={() => setShowTo(true)}>
          {t('backups.backupTo')}
        </Button>,
      ]}
    >
      <Space direction="vertical" size="large" className="full-width">
        {status.data?.warning ? <Alert type="warning" showIcon title={status.data.warning} /> : null}
        <Card title={t('backups.list')}>
          <Table<BackupRow>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.rows ?? []}
            pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
            columns={[
              { title: t('backups.time'), dataIndex: 'createdAt', width: 150, render: (v: string) => shanghaiDateTime(v) },
              { title: t('backups.kind'), dataIndex: 'kind', width: 120, render: (k: BackupRow['kind']) => t(`backups.kinds.${k}`) },
              { title: t('backups.place'), dataIndex: 'path', render: (p: string, r) => <Typography.Text copyable={r.status === 'ok'} className="path-text">{p}</Typography.Text> },
              { title: t('backups.size'), dataIndex: 'bytes', width: 90, render: (n: number, r) => (r.status === 'failed' ? '' : size(n)) },
              {
                title: t('backups.status'),
                width: 170,
                render: (_: unknown, r) =>
                  r.status === 'failed' ? (
                    <Tag color="red" title={r.error}>{t('backups.failed')}</Tag>
                  ) : r.status === 'pruned' ? (
                    <Tag>{t('backups.pruned')}</Tag>
                  ) : (
                    <Space size={4}>
                      <Tag color={r.exists ? 'green' : 'orange'}>{r.exists ? t('backups.ok') : t('backups.missing')}</Tag>
                      {r.encrypted ? <Tag color="blue">{t('backups.encrypted')}</Tag> : null}
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
        <RestoreCard backupDir={status.data?.backupDir ?? ''} />
      </Space>
      <Modal open={showTo} title={t('backups.backupTo')} okText={t('backups.backupNow')} confirmLoading={create.isPending} onOk={() => backupForm.submit()} onCancel={() => setShowTo(false)} destroyOnHidden>
        <Form form={backupForm} layout="vertical" onFinish={(v) => void backup(v)}>
          <Form.Item name="destDir" label={t('backups.destDir')} extra={t('backups.destHint')}>
            <Input />
          </Form.Item>
          <Form.Item name="passphrase" label={t('backups.passphrase')} extra={t('backups.passphraseHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('backups.confirmPassphrase')}
            dependencies={['passphrase']}
            rules={[({ getFieldValue }) => ({ validator: (_r, v) => ((getFieldValue('passphrase') ?? '') === (v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('backups.mismatch')))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}

function RestoreCard({ backupDir }: { backupDir: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { signOut } = useSession();
  const [form] = Form.useForm<{ path: string; passphrase?: string }>();
  const [manifest, setManifest] = useState<{ manifest: Manifest; canRestore: boolean; problem: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const inspect = async (v: { path: string; passphrase?: string }) => {
    setBusy(true);
    setManifest(null);
    try {
      setManifest(await api.call('backups.inspect', { path: v.path, passphrase: v.passphrase || undefined }));
    } catch (e) {
      const rest = applyApiError(form, e);
      if (rest) message.error(rest.message);
    } finally {
      setBusy(false);
    }
  };
  const restore = () => {
    const v = form.getFieldsValue();
    modal.confirm({
      title: t('backups.confirmRestore'),
      content: t('backups.restoreWarning', { dir: `${backupDir}/safety` }),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const r = await api.call('backups.restore', { path: v.path, passphrase: v.passphrase || undefined, confirm: true });
          await modal.info({ title: t('backups.restored', { path: r.safetyCopy }) });
          void signOut();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  };
  return (
    <Card title={t('backups.restore')}>
      <Typography.Paragraph type="secondary">{t('backups.restoreHint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={(v) => void inspect(v)} className="restore-form">
        <Form.Item name="path" label={t('backups.path')} rules={[{ required: true, message: t('backups.path') }]}>
          <Input className="restore-path" placeholder={`${backupDir}/…/办公室台账-….otbak`} />
        </Form.Item>
        <Form.Item name="passphrase" label={t('backups.passphrase')}>
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Button htmlType="submit" icon={<CloudDownloadOutlined />} loading={busy}>
          {t('backups.inspect')}
        </Button>
      </Form>
      {manifest ? (
        <Space direction="vertical" className="full-width restore-contents">
          {manifest.problem ? <Alert type="error" showIcon title={t('backups.cannotRestore')} description={manifest.problem} /> : null}
          <Descriptions title={t('backups.contents')} bordered size="small" column={2}>
            <Descriptions.Item label={t('backups.createdAt')}>{shanghaiDateTime(manifest.manifest.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('backups.unit')}>{manifest.manifest.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('backups.appVersion')}>{manifest.manifest.appVersion}</Descriptions.Item>
            <Descriptions.Item label={t('backups.schemaVersion')}>{manifest.manifest.schemaVersion}</Descriptions.Item>
            <Descriptions.Item label={t('backups.checkpoint')}>
              #{manifest.manifest.auditCheckpoint.seq} {manifest.manifest.auditCheckpoint.hash.slice(0, 12)}
            </Descriptions.Item>
            <Descriptions.Item label={t('backups.encrypted')}>{manifest.manifest.encrypted ? '✓' : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('backups.counts')} span={2}>
              {Object.entries(manifest.manifest.counts)
                .filter(([, n]) => n > 0)
                .map(([k, n]) => `${t(`backups.tables.${k}`, { defaultValue: k })} ${n}`)
                .join('，')}
            </Descriptions.Item>
          </Descriptions>
          <Button danger type="primary" disabled={!manifest.canRestore} onClick={restore}>
            {t('backups.confirmRestore')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
