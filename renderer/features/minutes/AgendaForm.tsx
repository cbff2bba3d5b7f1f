// 党组会议议题审核表 as a form: submit an item for review, or revise a returned one and resubmit.
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { useState } from 'react';
import { App, Button, Checkbox, Col, DatePicker, Divider, Drawer, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { methods } from '../../../db/contract';
import { CATEGORIES, LEGALITY_REQUIRED_FOR, MAJOR_KINDS, type AgendaDetail, type MajorKind } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { PersonInput, toFen, toYuan, useMT, useTypes, type PersonValue } from './shared';

const schema = methods['minutes.agendaSubmit'].input;

interface Values {
  typeId: number;
  submittedOn: Dayjs;
  title: string;
  department: string;
  presenter: PersonValue | null;
  suggestedAttendees?: string;
  category: (typeof CATEGORIES)[number];
  major: '' | MajorKind;
  amount?: number | null;
  decisionSought?: string;
  researchDone?: boolean;
  researchNote?: string;
  consultationDone?: boolean;
  consultationNote?: string;
  legalityRequired?: boolean;
  legalityDone?: boolean;
  legalityNote?: string;
  attachments?: { name: string; pages?: number | null }[];
  reviewers: { leaderId?: number | null; officeId?: number | null; secretaryId?: number | null };
}

export function AgendaForm({ item, onClose, onSaved }: { item: AgendaDetail | 'new'; onClose: () => void; onSaved?: (a: AgendaDetail) => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const types = useTypes();
  const approvers = useApiQuery('accounts.people', { role: 'approver', limit: 200 });
  const invalidate = ['minutes.agendaList', 'minutes.agendaGet', 'minutes.dashboard', 'audit.forObject'] as const;
  const submitM = useApiMutation('minutes.agendaSubmit', [...invalidate]);
  const resubmitM = useApiMutation('minutes.agendaResubmit', [...invalidate]);
  const isNew = item === 'new';
  const typeId = Form.useWatch('typeId', form);
  const major = Form.useWatch('major', form);
  const legalityDone = Form.useWatch('legalityDone', form);
  const reviewable = (types.data ?? []).filter((x) => x.kind !== 'talk');
  const type = reviewable.find((x) => x.id === typeId);
  const forcedLegality = LEGALITY_REQUIRED_FOR.includes(major as MajorKind);

  const initial: Partial<Values> = isNew
    ? {
        typeId: reviewable.find((x) => x.code === 'party_group')?.id,
        submittedOn: dayjs(),
        category: 'decision',
        major: '',
        attachments: [],
        reviewers: {},
      }
    : {
        typeId: item.typeId,
        submittedOn: dayjs(item.submittedOn),
        title: item.title,
        department: item.department,
        presenter: { userId: item.presenterId, name: item.presenterName },
        suggestedAttendees: item.suggestedAttendees,
        category: item.category,
        major: item.major,
        amount: toYuan(item.amount),
        decisionSought: item.decisionSought,
        researchDone: item.researchDone,
        researchNote: item.researchNote,
        consultationDone: item.consultationDone,
        consultationNote: item.consultationNote,
        legalityRequired: item.legalityRequired,
        legalityDone: item.legalityDone,
        legalityNote: item.legalityNote,
        attachments: item.attachments,
        reviewers: { leaderId: item.reviewers.leader?.userId, officeId: item.reviewers.office?.userId, secretaryId: item.reviewers.secretary?.userId },
      };

  const submit = async (v: Values) => {
    setError(null);
    const input = {
      typeId: v.typeId,
      submittedOn: v.submittedOn?.format('YYYY-MM-DD') ?? '',
      title: v.title ?? '',
      department: v.department ?? '',
      presenter: { userId: v.presenter?.userId ?? null, name: v.presenter?.name ?? '' },
      suggestedAttendees: v.suggestedAttendees ?? '',
      category: v.category,
      major: v.major ?? '',
      amount: toFen(v.amount),
      decisionSought: v.decisionSought ?? '',
      researchDone: !!v.researchDone,
      researchNote: v.researchNote ?? '',
      consultationDone: !!v.consultationDone,
      consultationNote: v.consultationNote ?? '',
      legalityRequired: !!v.legalityRequired || forcedLegality,
      legalityDone: !!v.legalityDone,
      legalityNote: v.legalityNote ?? '',
      attachments: (v.attachments ?? []).filter((a) => a?.name).map((a) => ({ name: a.name, pages: a.pages ?? null })),
      reviewers: { leaderId: v.reviewers?.leaderId ?? null, officeId: v.reviewers?.officeId ?? null, secretaryId: v.reviewers?.secretaryId ?? null },
    };
    try {
      const saved = isNew ? await submitM.mutateAsync(input) : await resubmitM.mutateAsync({ ...input, id: item.id });
      message.success(t('agenda.submitted', { label: saved.label }));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, { fieldMap: { 'presenter.name': 'presenter', 'presenter.userId': 'presenter' } }));
    }
  };

  const approverOptions = (approvers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.post ? ` · ${p.post}` : ''}` }));
  const reviewerSelect = (name: 'leaderId' | 'officeId' | 'secretaryId', label: string, def: { name: string } | null | undefined) => (
    <Form.Item name={['reviewers', name]} label={label} extra={def ? t('agenda.reviewerDefault', { name: def.name }) : t('agenda.reviewerAny')}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={approverOptions} placeholder={def?.name} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      size={820}
      title={isNew ? t('agenda.newTitle') : t('agenda.resubmitTitle', { label: item.label })}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitM.isPending || resubmitM.isPending} onClick={() => form.submit()}>
            {isNew ? t('agenda.submit') : t('agenda.resubmit')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      {types.data ? (
        <Form name="minutesAgenda" form={form} layout="vertical" onFinish={submit} initialValues={initial} aria-label={t('agenda.newTitle')}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="typeId" label={t('agenda.type')} rules={[{ required: true, message: '请选择上会会议类型' }]}>
                <Select options={reviewable.map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="submittedOn" label={t('agenda.submittedOn')} rules={[{ required: true, message: '请选择提交日期' }]}>
                <DatePicker />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="department" label={t('agenda.department')} rules={fieldRule(schema, 'department')}>
                <DepartmentSelect />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={t('agenda.itemTitle')} rules={fieldRule(schema, 'title')}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="presenter" label={t('agenda.presenter')} rules={[{ required: true, message: '请填写汇报人' }]}>
                <PersonInput aria-label={t('agenda.presenter')} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="suggestedAttendees" label={t('agenda.suggestedAttendees')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="category" label={t('agenda.category')}>
                <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="major" label={t('agenda.major')}>
                <Select options={(['', ...MAJOR_KINDS] as const).map((m) => ({ value: m, label: t(`major.${m}`) }))} disabled={!!type && !type.decidesMajor} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="amount" label={t('agenda.amount')}>
                <InputNumber min={0} precision={2} step={1000} className="minutes-money" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="decisionSought" label={t('agenda.decisionSought')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Divider titlePlacement="start">{t('agenda.prerequisites')}</Divider>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="researchDone" valuePropName="checked">
                <Checkbox>{t('agenda.researchDone')}</Checkbox>
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="researchNote" label={t('agenda.researchNote')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="consultationDone" valuePropName="checked">
                <Checkbox>{t('agenda.consultationDone')}</Checkbox>
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="consultationNote" label={t('agenda.consultationNote')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="legalityRequired" valuePropName="checked" extra={forcedLegality ? t('agenda.legalityRequiredHint') : undefined}>
                <Checkbox disabled={forcedLegality} checked={forcedLegality || undefined}>
                  {t('agenda.legalityRequired')}
                </Checkbox>
              </Form.Item>
              <Form.Item name="legalityDone" valuePropName="checked">
                <Checkbox>{t('agenda.legalityDone')}</Checkbox>
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="legalityNote" label={t('agenda.legalityNote')} rules={legalityDone ? [{ required: true, message: '请填写合法性审查意见（审查部门及结论）' }] : []}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('agenda.attachments')}</Divider>
          <Form.List name="attachments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写附件名称' }]}>
                      <Input placeholder={t('form.attachmentName')} aria-label={t('form.attachmentName')} className="minutes-attachment-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'pages']}>
                      <InputNumber min={1} placeholder={t('form.attachmentPages')} aria-label={t('form.attachmentPages')} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('form.addAttachment')}
                </Button>
              </>
            )}
          </Form.List>
          <Divider titlePlacement="start">{t('agenda.reviewers')}</Divider>
          <Row gutter={16}>
            <Col span={8}>{reviewerSelect('leaderId', t('agenda.leader'), type?.reviewers.leader)}</Col>
            <Col span={8}>{reviewerSelect('officeId', t('agenda.office'), type?.reviewers.office)}</Col>
            <Col span={8}>{reviewerSelect('secretaryId', t('agenda.secretary'), type?.reviewers.secretary)}</Col>
          </Row>
          <Typography.Text type="secondary">{t('agenda.legalityRequiredHint')}</Typography.Text>
        </Form>
      ) : null}
    </Drawer>
  );
}
