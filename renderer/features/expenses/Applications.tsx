// 事前申请: applied for before any money is spent, approved by amount tier (大额 only with a finalised
// 党组会议 decision), accepted afterwards by a witness other than the applicant (fixed assets linked
// to their cards), then reimbursed. List with filters in the URL, the new-application dialog, and the
// detail drawer with every step of the paper process.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { methods } from '../../../db/contract';
import { APP_STATES, EXP_APP_OBJECT, EXP_REGISTER_APPS, expenseTierFor, type AppDetail, type AppRow } from '../../../db/contract/expenses';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { dateOf, futureDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { toFen, yuan } from '../../components/money';
import { PersonSelect } from '../../components/PersonSelect';
import { StateFilter } from '../../components/StateFilter';
import { useDebounced } from '../../components/useDebounced';
import { num, useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { fieldRule } from '../../components/zodRule';
import { openPrint } from '../../print';
import { ClaimDialog } from './Claims';
import { ApproveDialog, DecisionSelect, EntryDrawer, EntryHistory, EXP_READS, KEEPER_ROLES, MoneyInput, RegisterToolbar, Section, SignatureChain, SIGNER_ROLES, StateTag, VoidDialog } from './shared';
import { Attachments } from '../../components/Attachments';

const PAGE_SIZE = 20;

export function Applications() {
  const { t } = useTranslation('expenses');
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const { params, set, thisYear, year, state, q, page } = useListFilters();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const categoryId = num(params.get('category'));
  const large = params.get('large') === '1' || undefined;
  const list = useApiQuery('expenses.appList', { year, state, categoryId, large, q, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const cats = useApiQuery('expenses.categories', { includeInactive: true }, { staleTime: 60_000 });
  const columns: TableColumnsType<AppRow> = [
    {
      title: t('f.appNumber'),
      dataIndex: 'number',
      width: 196,
      render: (v: string, r) => (
        <Button type="link" size="small" className="exp-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.appliedOn'), dataIndex: 'appliedOn', width: 100 },
    { title: t('f.applicant'), dataIndex: 'applicantName', width: 80 },
    { title: t('f.department'), dataIndex: 'department', width: 100, ellipsis: true },
    { title: t('f.category'), dataIndex: 'categoryName', width: 120, ellipsis: true },
    { title: t('f.purpose'), dataIndex: 'purpose', ellipsis: true },
    { title: t('f.estimated'), dataIndex: 'estimatedFen', width: 116, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.approvers'), dataIndex: 'approvers', width: 110, ellipsis: true },
    {
      title: t('f.state'),
      key: 'state',
      width: 150,
      render: (_, r) => (
        <>
          <StateTag group="app" state={r.state} />
          {r.large ? <Tag className={r.decision?.finalised ? 'tag-warn' : 'tag-bad'}>{t('app.largeTag')}</Tag> : null}
          {r.accepted ? <Tag className="tag-ok">{t('app.acceptedTag')}</Tag> : null}
        </>
      ),
    },
  ];
  const filter = { year, state, q, extra: { ...(categoryId ? { categoryId } : {}), ...(large ? { large: true } : {}) } };
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={APP_STATES} label={(s) => t(`appState.${s}`)} set={set} />
          <Form.Item>
            <Select aria-label={t('f.category')} className="filter-select" allowClear placeholder={t('list.anyCategory')} value={categoryId} onChange={(v) => set({ category: v })} options={(cats.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item label={t('list.largeOnly')}>
            <Switch aria-label={t('list.largeOnly')} size="small" checked={!!large} onChange={(v) => set({ large: v ? 1 : null })} />
          </Form.Item>
          <KeywordFilter label={t('app.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <RegisterToolbar register={EXP_REGISTER_APPS} filter={filter} year={year} paperName="费用事前申请登记簿" printText={t('app.printRegister')} newText={keeper ? t('app.new') : null} onNew={() => setCreating(true)} />
      <ErrorAlert error={list.error} />
      <ListTable<AppRow>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        onOpen={(r) => setOpenId(r.id)}
        empty={t('app.empty')}
        scroll={{ x: 1100 }}
      />
      {creating ? <ApplyDialog onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} /> : null}
      {openId ? <AppDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

interface ApplyValues {
  applicantId?: number;
  categoryId?: number;
  purpose?: string;
  budgetItem?: string;
  estimated?: number;
  basisDoc?: string;
  decisionId?: number | null;
  appliedOn?: Dayjs;
  remarks?: string;
}

function ApplyDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const me = useMe();
  const m = useApiMutation('expenses.apply', EXP_READS);
  const settings = useApiQuery('expenses.settings', {}, { staleTime: 60_000 });
  const cats = useApiQuery('expenses.categories', { includeInactive: false }, { staleTime: 60_000 });
  const schema = methods['expenses.apply'].input;
  const [form] = Form.useForm<ApplyValues>();
  const categoryId = Form.useWatch('categoryId', form);
  const estimated = Form.useWatch('estimated', form);
  const cat = cats.data?.find((c) => c.id === categoryId);
  const fen = typeof estimated === 'number' ? toFen(estimated) : null;
  const s = settings.data;
  const large = !!s && fen !== null && fen >= s.largeFrom;
  const tier = s && fen ? expenseTierFor(s.tiers, fen) : null;
  return (
    <FormDialog<ApplyValues>
      title={t('app.newTitle')}
      okText={t('app.submit')}
      width={760}
      form={form}
      initialValues={{ applicantId: me.user.id, appliedOn: dayjs(), basisDoc: '' }}
      fieldMap={{ estimatedFen: 'estimated' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await m.mutateAsync({
          applicantId: v.applicantId ?? 0,
          categoryId: v.categoryId ?? 0,
          purpose: v.purpose ?? '',
          budgetItem: v.budgetItem ?? '',
          estimatedFen: toFen(v.estimated),
          basisDoc: v.basisDoc ?? '',
          decisionId: v.decisionId ?? null,
          appliedOn: dateOf(v.appliedOn),
          remarks: v.remarks ?? '',
        });
        message.success(t('app.created', { number: r.number }));
        onSaved(r.id);
      }}
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="applicantId" label={t('f.applicant')} rules={[{ required: true, message: t('v.person') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="categoryId" label={t('f.category')} rules={[{ required: true, message: t('v.category') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={(cats.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="appliedOn" label={t('f.appliedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      {cat?.needsBasis ? <Alert className="form-alert" type="warning" showIcon title={t('app.needsBasis', { name: cat.name })} /> : null}
      <Form.Item name="purpose" label={t('f.purpose')} rules={fieldRule(schema, 'purpose')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="budgetItem" label={t('f.budgetItem')} rules={fieldRule(schema, 'budgetItem')}>
            <Input placeholder={t('app.budgetExample')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="estimated" label={t('f.estimatedYuan')} rules={[{ required: true, message: t('v.amount') }]}>
            <MoneyInput className="exp-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="basisDoc"
        label={cat?.needsBasis ? t('f.basisDoc') : `${t('f.basisDoc')}${t('common.optional')}`}
        rules={cat?.needsBasis ? [{ required: true, whitespace: true, message: t('v.basisDoc') }] : fieldRule(schema, 'basisDoc')}
        extra={t('app.basisHint')}
      >
        <Input placeholder={t('app.basisExample')} />
      </Form.Item>
      {tier ? <Typography.Paragraph type="secondary">{t('app.tierHint', { amount: yuan(fen), steps: tier.steps.map((x) => x.name).join(' → ') })}</Typography.Paragraph> : null}
      {large ? (
        <>
          <Alert className="form-alert" type="warning" showIcon title={t('app.largeTitle', { yuan: yuan(s!.largeFrom) })} description={t('app.largeHint')} />
          <Form.Item name="decisionId" label={t('f.decision')}>
            <DecisionSelect />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

export function AppDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const q = useApiQuery('expenses.appGet', { id });
  return (
    <EntryDrawer query={q} group="app" size={860} title={(d) => `${d.number} ${d.categoryName}`} actDate={(d) => d.appliedOn} onClose={onClose}>
      {(d) => <AppBody d={d} />}
    </EntryDrawer>
  );
}

type Step = 'approve' | 'decision' | 'accept' | 'void' | 'claim' | { link: number };

function AppBody({ d }: { d: AppDetail }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const signer = hasRole(me, SIGNER_ROLES);
  const [step, setStep] = useState<Step | null>(null);
  const approve = useApiMutation('expenses.appApprove', EXP_READS);
  const voidM = useApiMutation('expenses.appVoid', EXP_READS);
  const next = d.signatures.find((s) => !s.done);
  const activeClaims = d.claims.filter((c) => c.state !== 'void' && c.state !== 'rejected');
  const decisionMissing = d.large && !d.decision?.finalised;
  return (
    <>
      <Flex gap={8} wrap className="exp-actions">
        {signer && d.state === 'pending' && next ? (
          <Button type="primary" onClick={() => setStep('approve')}>
            {t('app.approve', { step: next.step })}
          </Button>
        ) : null}
        {keeper && d.large && d.state === 'pending' ? (
          <Button type={decisionMissing ? 'primary' : 'default'} danger={decisionMissing} onClick={() => setStep('decision')}>
            {t('app.linkDecision')}
          </Button>
        ) : null}
        {keeper && d.state === 'approved' && !d.acceptance ? (
          <Button type="primary" onClick={() => setStep('accept')}>
            {t('app.accept')}
          </Button>
        ) : null}
        {keeper && d.state === 'approved' ? (
          <Button type={d.acceptance && !d.claimBlockers.length ? 'primary' : 'default'} onClick={() => setStep('claim')}>
            {t('app.startClaim')}
          </Button>
        ) : null}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/expenses/application/${d.id}`, { suggestedName: `事前申请单-${d.number}` })}>
          {t('app.printForm')}
        </Button>
        {keeper && (d.state === 'pending' || d.state === 'approved') && !activeClaims.length ? (
          <Button danger onClick={() => setStep('void')}>
            {t('app.void')}
          </Button>
        ) : null}
      </Flex>
      {d.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={`${t('appState.void')}：${d.voidReason ?? ''}`} /> : null}
      {decisionMissing && d.state === 'pending' ? <Alert className="form-alert" type="error" showIcon title={t('app.decisionMissing')} description={t('app.largeHint')} /> : null}
      {d.state === 'approved' && d.claimBlockers.length ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('app.blockers')}
          description={
            <ul className="exp-plain-list">
              {d.claimBlockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Descriptions size="small" column={2} bordered className="exp-detail">
        <Descriptions.Item label={t('f.applicant')}>
          {d.applicantName}
          {d.department ? <Typography.Text type="secondary">（{d.department}）</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.appliedOn')}>{d.appliedOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.category')}>
          {d.categoryName}
          {d.needsBasis ? <Tag className="tag-warn exp-tag-gap">{t('app.needsBasisTag')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.budgetItem')}>{d.budgetItem}</Descriptions.Item>
        <Descriptions.Item label={t('f.purpose')} span={2}>
          {d.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.estimated')}>{t('common.yuanOf', { v: yuan(d.estimatedFen) })}</Descriptions.Item>
        <Descriptions.Item label={t('f.claimed')}>{t('common.yuanOf', { v: yuan(d.claimedFen) })}</Descriptions.Item>
        <Descriptions.Item label={t('f.basisDoc')} span={2}>
          {d.basisDoc || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
        </Descriptions.Item>
        {d.large ? (
          <Descriptions.Item label={t('f.decision')} span={2}>
            {d.decision ? (
              <>
                {d.decision.label}：{d.decision.title}
                {d.decision.amount !== null ? `（${t('common.yuanOf', { v: yuan(d.decision.amount) })}）` : ''}
                {d.decision.finalised ? <Tag className="tag-ok exp-tag-gap">{t('app.finalised')}</Tag> : <Tag className="tag-bad exp-tag-gap">{t('app.draftDecision')}</Tag>}
              </>
            ) : (
              <Typography.Text type="danger">{t('app.noDecision')}</Typography.Text>
            )}
          </Descriptions.Item>
        ) : null}
        {d.remarks ? (
          <Descriptions.Item label={t('f.remarks')} span={2}>
            {d.remarks}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
        <Descriptions.Item label={t('f.approvers')}>{d.approvers}</Descriptions.Item>
      </Descriptions>
      <Section>{t('app.chain')}</Section>
      <SignatureChain signatures={d.signatures} />
      <Section>{t('app.acceptance')}</Section>
      {d.acceptance ? (
        <>
          <Descriptions size="small" column={2} bordered className="exp-detail">
            <Descriptions.Item label={t('f.witness')}>{d.acceptance.witnessName}</Descriptions.Item>
            <Descriptions.Item label={t('f.acceptedOn')}>{d.acceptance.acceptedOn}</Descriptions.Item>
            <Descriptions.Item label={t('f.result')} span={2}>
              {d.acceptance.result}
            </Descriptions.Item>
          </Descriptions>
          {d.acceptance.lines.length ? (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.acceptance.lines}
              className="exp-subtable"
              columns={[
                { title: t('f.goods'), dataIndex: 'name' },
                { title: t('f.quantity'), dataIndex: 'quantity', width: 70, align: 'right' },
                { title: t('f.unitPrice'), dataIndex: 'unitPriceFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
                {
                  title: t('f.assetCard'),
                  key: 'card',
                  width: 230,
                  render: (_, l) =>
                    l.assetNumber ? (
                      <Tag className="tag-ok">{l.assetNumber}</Tag>
                    ) : l.fixedAsset ? (
                      <Flex gap={6} align="center" wrap>
                        <Tag className="tag-bad">{t('app.needsCard')}</Tag>
                        {keeper ? (
                          <Button size="small" onClick={() => setStep({ link: l.id })}>
                            {t('app.linkAsset')}
                          </Button>
                        ) : null}
                      </Flex>
                    ) : (
                      <Typography.Text type="secondary">{t('app.notAsset')}</Typography.Text>
                    ),
                },
              ]}
            />
          ) : null}
        </>
      ) : (
        <Typography.Paragraph type="secondary">{d.state === 'approved' ? t('app.notAccepted') : t('app.acceptAfterApproval')}</Typography.Paragraph>
      )}
      <Attachments register="expenses" reads={EXP_READS} objectType={EXP_APP_OBJECT} objectId={d.id} attachments={d.attachments} kinds={['basis', 'other']} canUpload={keeper && d.state === 'pending' && !d.signatures.some((x) => x.done)} title={t('app.attachments')} />
      {d.claims.length ? (
        <>
          <Section>{t('app.claims')}</Section>
          <ul className="exp-plain-list">
            {d.claims.map((c) => (
              <li key={c.id}>
                <Button type="link" size="small" className="exp-link" onClick={() => navigate(`/r/expenses/claims?id=${c.id}&year=all`)}>
                  {c.number}
                </Button>{' '}
                {t('common.yuanOf', { v: yuan(c.totalFen) })} <StateTag group="claim" state={c.state} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <EntryHistory objectType={EXP_APP_OBJECT} objectId={d.id} />
      {step === 'approve' && next ? (
        <ApproveDialog
          title={t('app.approveTitle', { step: next.step, number: d.number })}
          okText={t('app.approveOk')}
          intro={<Typography.Paragraph>{t('app.approveIntro', { who: next.who, amount: yuan(d.estimatedFen) })}</Typography.Paragraph>}
          onClose={() => setStep(null)}
          onSubmit={async (approval) => {
            await approve.mutateAsync({ id: d.id, approval });
            message.success(t('app.approved'));
          }}
        />
      ) : null}
      {step === 'decision' ? <DecisionDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'accept' ? <AcceptDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'claim' ? <ClaimDialog applicationId={d.id} onClose={() => setStep(null)} onSaved={(id) => navigate(`/r/expenses/claims?id=${id}&year=all`)} /> : null}
      {typeof step === 'object' && step ? <LinkAssetDialog lineId={step.link} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? (
        <VoidDialog
          title={t('app.voidTitle', { number: d.number })}
          okText={t('app.void')}
          onClose={() => setStep(null)}
          onSubmit={(reason) => voidM.mutateAsync({ id: d.id, reason })}
        />
      ) : null}
    </>
  );
}

function DecisionDialog({ d, onClose }: { d: AppDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.appLinkDecision', EXP_READS);
  return (
    <FormDialog<{ decisionId?: number | null }>
      title={t('app.decisionTitle', { number: d.number })}
      okText={t('app.linkDecision')}
      width={680}
      initialValues={{ decisionId: d.decision?.id ?? null }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, decisionId: v.decisionId ?? 0 });
        message.success(t('app.decisionLinked'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('app.largeHint')} description={t('app.amountIs', { amount: yuan(d.estimatedFen) })} />
      <Form.Item name="decisionId" label={t('f.decision')} rules={[{ required: true, message: t('v.decision') }]}>
        <DecisionSelect />
      </Form.Item>
    </FormDialog>
  );
}

interface AcceptValues {
  witnessId?: number;
  acceptedOn?: Dayjs;
  result?: string;
  lines?: { name?: string; quantity?: number; unitPrice?: number }[];
}

function AcceptDialog({ d, onClose }: { d: AppDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.accept', EXP_READS);
  const schema = methods['expenses.accept'].input;
  return (
    <FormDialog<AcceptValues>
      title={t('app.acceptTitle', { number: d.number })}
      okText={t('app.acceptOk')}
      width={820}
      initialValues={{ acceptedOn: dayjs(), lines: [] }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({
          applicationId: d.id,
          witnessId: v.witnessId ?? 0,
          acceptedOn: dateOf(v.acceptedOn),
          result: v.result ?? '',
          lines: (v.lines ?? []).map((l) => ({ name: l.name ?? '', quantity: l.quantity as number, unitPriceFen: toFen(l.unitPrice) })),
        });
        message.success(t('app.accepted'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('app.acceptHint', { applicant: d.applicantName })} description={t('app.assetHint', { yuan: yuan(d.assetThreshold) })} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="witnessId" label={t('f.witness')} rules={[{ required: true, message: t('v.person') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="acceptedOn" label={t('f.acceptedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="result" label={t('f.result')} rules={fieldRule(schema, 'result')}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('app.resultExample')} />
      </Form.Item>
      <Typography.Text strong>{t('app.goodsLines')}</Typography.Text>
      <Typography.Text type="secondary"> {t('app.goodsHint')}</Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <div className="exp-lines">
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="start" className="exp-line">
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('v.goods') }]} className="exp-grow">
                  <Input aria-label={`${t('f.goods')} ${i + 1}`} placeholder={t('f.goods')} />
                </Form.Item>
                <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('v.qty') }]} className="exp-line-qty">
                  <InputNumber aria-label={`${t('f.quantity')} ${i + 1}`} placeholder={t('f.quantity')} min={1} precision={0} className="exp-wide" />
                </Form.Item>
                <Form.Item name={[field.name, 'unitPrice']} rules={[{ required: true, message: t('v.amount') }]} className="exp-line-money">
                  <MoneyInput aria-label={`${t('f.unitPrice')} ${i + 1}`} placeholder={t('f.unitPrice')} className="exp-wide" />
                </Form.Item>
                <Button type="text" aria-label={`${t('common.removeLine')} ${i + 1}`} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ quantity: 1 })}>
              {t('app.addGoods')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDialog>
  );
}

/** A fixed-asset card from the asset register, searched by number or name. */
function AssetSelect({ value, onChange, id, ...rest }: { value?: number | null; onChange?: (v: number | null) => void; id?: string; 'aria-label'?: string }) {
  const { t } = useTranslation('expenses');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('assets.list', { q: dq || undefined, page: 1, pageSize: 30 }, { placeholderData: (p) => p, staleTime: 10_000 });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('app.assetPlaceholder')}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      loading={list.isFetching}
      notFoundContent={t('app.noAssets')}
      options={(list.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.name}（${yuan(c.originalValue)} ${t('common.yuan')}）` }))}
    />
  );
}

function LinkAssetDialog({ lineId, onClose }: { lineId: number; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.linkAsset', EXP_READS);
  return (
    <FormDialog<{ assetCardId?: number | null }>
      title={t('app.linkAssetTitle')}
      okText={t('app.linkAsset')}
      width={620}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ lineId, assetCardId: v.assetCardId ?? 0 });
        message.success(t('app.assetLinked'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('app.linkAssetHint')}</Typography.Paragraph>
      <Form.Item name="assetCardId" label={t('f.assetCard')} rules={[{ required: true, message: t('v.asset') }]}>
        <AssetSelect />
      </Form.Item>
    </FormDialog>
  );
}
