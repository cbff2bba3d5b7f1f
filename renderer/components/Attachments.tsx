// Files on a record — receipts, basis documents, scans — for any register that offers the attachment
// methods (db/contract/attachments.ts): upload (image/PDF ≤ 20 MB, checked again by the core from the
// bytes), list or show inline, download, withdraw with a reason. Nothing is ever deleted.
import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Select, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Input as MethodInput, MethodName } from '../../db/contract';
import { MAX_ATTACHMENT_BYTES, type Attachment, type AttachmentKind } from '../../db/contract/attachments';
import { ApiError, api, toApiError, useApiMutation, useApiQuery } from '../api';
import { fmtTime } from './dates';
import { downloadBase64, readBase64 } from './download';
import { FormDialog } from './FormDialog';

/** Registers whose contract includes `attachmentMethods(register, …)`. */
export type AttachmentRegister = 'expenses' | 'minutes';
type ObjectTypeOf<R extends AttachmentRegister> = MethodInput<`${R}.attach`>['objectType'];

const ACCEPT = 'image/jpeg,image/png,application/pdf';
const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

interface AttachmentsProps<R extends AttachmentRegister> {
  register: R;
  objectType: ObjectTypeOf<R>;
  objectId: number;
  attachments: Attachment[];
  /** The reads an upload or withdrawal changes (the record's detail, its list). */
  reads: MethodName[];
  /** Kinds offered when uploading; the first is the default. */
  kinds: AttachmentKind[];
  canUpload: boolean;
  /** May files be taken down (defaults to canUpload). */
  canWithdraw?: boolean;
  /** Show images and PDFs as cards right here (receipts). */
  inline?: boolean;
  title?: string;
  hint?: string;
}

export function Attachments<R extends AttachmentRegister>({ register, objectType, objectId, attachments, reads, kinds, canUpload, canWithdraw = canUpload, inline, title, hint }: AttachmentsProps<R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attach = useApiMutation(`${register}.attach` as 'expenses.attach', reads);
  const [kind, setKind] = useState<AttachmentKind>(kinds[0]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Attachment | null>(null);
  const live = attachments.filter((a) => !a.voided);
  const gone = attachments.filter((a) => a.voided);
  const upload = async (files: File[]) => {
    setError(null);
    setBusy(true);
    let done = 0;
    try {
      for (const f of files) {
        if (f.size > MAX_ATTACHMENT_BYTES) throw new ApiError({ code: 'invalid_input', message: t('attachments.tooBig', { name: f.name }), field: 'dataBase64' });
        const dataBase64 = await readBase64(f);
        await attach.mutateAsync({ objectType: objectType as MethodInput<'expenses.attach'>['objectType'], objectId, kind, name: f.name.slice(0, 120), dataBase64 });
        done++;
      }
      message.success(t('attachments.uploaded', { n: done }));
    } catch (e) {
      const err = toApiError(e);
      setError(done ? new ApiError({ code: err.code, message: `${t('attachments.partly', { n: done })}${err.message}`, field: err.field }) : err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="att" title={title ?? t('attachments.title')} extra={<Typography.Text type="secondary">{t('attachments.count', { n: live.length })}</Typography.Text>}>
      {canUpload ? (
        <Form layout="inline" className="att-form" aria-label={t('attachments.upload')}>
          {kinds.length > 1 ? (
            <Form.Item label={t('attachments.kind')}>
              <Select aria-label={t('attachments.kind')} className="att-kind" value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(`attachments.kinds.${k}`) }))} />
            </Form.Item>
          ) : null}
          <Form.Item validateStatus={error ? 'error' : undefined} help={error ? <span role="alert">{error.message}</span> : (hint ?? t('attachments.hint'))} className="att-upload">
            <Upload
              accept={ACCEPT}
              multiple
              showUploadList={false}
              beforeUpload={(f, list) => {
                // One call for the whole selection: antd calls this once per file.
                if (f === list[0]) void upload(list);
                return false;
              }}
            >
              <Button icon={<UploadOutlined aria-hidden />} loading={busy}>
                {t('attachments.upload')}
              </Button>
            </Upload>
          </Form.Item>
        </Form>
      ) : null}
      {live.length ? (
        inline ? (
          <div className="att-cards">
            {live.map((a) => (
              <InlineAttachment key={a.id} register={register} a={a} canWithdraw={canWithdraw} onWithdraw={() => setWithdrawing(a)} />
            ))}
          </div>
        ) : (
          <ul className="att-list">
            {live.map((a) => (
              <li key={a.id}>
                <Tag>{t(`attachments.kinds.${a.kind}`)}</Tag>
                <DownloadLink register={register} a={a} />{' '}
                <Typography.Text type="secondary">
                  {sizeText(a.size)} · {a.uploadedByName} · {fmtTime(a.uploadedAt)}
                </Typography.Text>
                {canWithdraw ? (
                  <Button size="small" type="link" danger onClick={() => setWithdrawing(a)}>
                    {t('attachments.withdraw')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />
      )}
      {gone.length ? (
        <Typography.Paragraph type="secondary" className="att-gone">
          {t('attachments.withdrawn')}：{gone.map((a) => `${a.name}（${a.voidReason ?? ''}）`).join('；')}
        </Typography.Paragraph>
      ) : null}
      {withdrawing ? <WithdrawDialog register={register} reads={reads} a={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Card>
  );
}

const fetchFile = (register: AttachmentRegister, id: number) => api.call(`${register}.attachmentGet` as 'expenses.attachmentGet', { id });

function DownloadLink({ register, a }: { register: AttachmentRegister; a: Attachment }) {
  const { message } = App.useApp();
  const get = async () => {
    try {
      const f = await fetchFile(register, a.id);
      downloadBase64(f.name, f.dataBase64, f.mime);
    } catch (e) {
      message.error(toApiError(e).message);
    }
  };
  return (
    <Button type="link" size="small" className="att-link" onClick={() => void get()}>
      {a.name}
    </Button>
  );
}

/** A file as the reviewer sees it: an image shown whole, a PDF as a card to open. */
function InlineAttachment({ register, a, canWithdraw, onWithdraw }: { register: AttachmentRegister; a: Attachment; canWithdraw: boolean; onWithdraw: () => void }) {
  const { t } = useTranslation();
  const isImage = a.mime !== 'application/pdf';
  const q = useApiQuery(`${register}.attachmentGet` as 'expenses.attachmentGet', { id: a.id }, { staleTime: Infinity, enabled: isImage });
  const download = async () => {
    const f = q.data ?? (await fetchFile(register, a.id));
    downloadBase64(f.name, f.dataBase64, f.mime);
  };
  return (
    <figure className="att-card" data-testid="receipt">
      {isImage ? (
        q.data ? (
          <img className="att-card-img" src={`data:${q.data.mime};base64,${q.data.dataBase64}`} alt={a.name} />
        ) : (
          <div className="att-card-ph">{q.error ? q.error.message : t('attachments.loading')}</div>
        )
      ) : (
        <div className="att-card-pdf">
          <FilePdfOutlined aria-hidden className="att-card-pdf-icon" />
          <span>{t('attachments.pdf')}</span>
          <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
            {t('attachments.openPdf')}
          </Button>
        </div>
      )}
      <figcaption>
        <Flex justify="space-between" align="center" gap={4}>
          <Typography.Text ellipsis className="att-card-name" title={a.name}>
            {a.name}
          </Typography.Text>
          <Space size={0}>
            <Button size="small" type="text" icon={<DownloadOutlined aria-hidden />} aria-label={`${t('attachments.download')} ${a.name}`} onClick={() => void download()} />
            {canWithdraw ? (
              <Button size="small" type="link" danger onClick={onWithdraw}>
                {t('attachments.withdraw')}
              </Button>
            ) : null}
          </Space>
        </Flex>
        <Typography.Text type="secondary" className="att-card-meta">
          {t(`attachments.kinds.${a.kind}`)} · {sizeText(a.size)} · {fmtTime(a.uploadedAt)}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}

function WithdrawDialog({ register, reads, a, onClose }: { register: AttachmentRegister; reads: MethodName[]; a: Attachment; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useApiMutation(`${register}.attachmentVoid` as 'expenses.attachmentVoid', reads);
  return (
    <FormDialog<{ reason: string }>
      title={t('attachments.withdrawTitle', { name: a.name })}
      okText={t('attachments.withdraw')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: a.id, reason: v.reason ?? '' });
        message.success(t('attachments.withdrawnOk'));
      }}
    >
      <Form.Item name="reason" label={t('attachments.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('attachments.needReason') }]}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
