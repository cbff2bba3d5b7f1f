// A count sheet (supplies 盘点表, assets 清查表): a numbered draft whose lines the clerk fills in and
// saves as often as needed, then confirms — after which it is read-only — or voids with a reason.
// The register supplies its header fields, its line columns and its wording; this frame holds the
// form, the save → confirm sequence, errors next to the cell they belong to, and the history.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Table, Tabs, Typography, type FormInstance, type TableColumnsType } from 'antd';
import type { Rule } from 'antd/es/form';
import { PrinterOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { AuditTrail } from './AuditTrail';
import { ErrorAlert } from './ErrorAlert';
import { FormDialog } from './FormDialog';
import { applyApiError } from './formErrors';
import { PersonSelect } from './PersonSelect';

export interface CountSheetText {
  save: string;
  saved: string;
  confirm: string;
  confirmTitle: string;
  confirmHint: string;
  confirmed: string;
  void: string;
  voidTitle: string;
  voidReason: string;
  print: string;
  history: string;
}

/** A field of the sheet's head: edited on a draft, shown as text once confirmed or voided. */
export interface CountSheetField {
  name: string;
  label: string;
  /** The label while editing, when it differs (e.g. with （选填）). */
  editLabel?: string;
  kind: 'date' | 'person' | 'text';
  /** Grid columns (of 24) while editing. */
  span: number;
  shown: ReactNode;
}

interface CountSheetProps<L extends { id: number }, V extends object> {
  doc: { id: number; number: string; title: string; state: 'draft' | 'confirmed' | 'void'; voidReason: string | null; lines: L[] };
  stateTag: ReactNode;
  editable: boolean;
  initial: V;
  text: CountSheetText;
  /** Shown once confirmed (the result in a sentence), and on a voided sheet. */
  confirmedSummary: string;
  voidedSummary: string;
  /** Line fields are named `<key>_<lineId>`: these map the core's `lines.N.<field>` to them. */
  lineFieldKeys: Record<string, string>;
  save: (v: V) => Promise<unknown>;
  confirm: () => Promise<unknown>;
  voidSheet: (reason: string) => Promise<unknown>;
  voidRule: Rule[];
  head: CountSheetField[];
  columns: (form: FormInstance<V>) => TableColumnsType<L>;
  /** More draft actions before 确认 (all OK, refresh book quantities). */
  extraActions?: (form: FormInstance<V>, setError: (e: ApiError | null) => void) => ReactNode;
  onPrint: () => void;
  auditObjectType: string;
  scrollX?: number;
}

export function CountSheet<L extends { id: number }, V extends object>(p: CountSheetProps<L, V>) {
  const { message, modal } = App.useApp();
  const { doc, text, editable } = p;
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const lineField = (e: unknown) => {
    if (e instanceof ApiError) {
      const at = /^lines\.(\d+)\.(\w+)$/.exec(e.field ?? '');
      const key = at ? p.lineFieldKeys[at[2]] : undefined;
      const line = at ? doc.lines[Number(at[1])] : undefined;
      if (key && line) return new ApiError({ code: e.code, message: e.message, field: `${key}_${line.id}` });
    }
    return e;
  };
  const doSave = async (v: V) => {
    setError(null);
    setBusy(true);
    try {
      await p.save(v);
      message.success(text.saved);
      return true;
    } catch (e) {
      setError(applyApiError(form, lineField(e)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  // Confirming saves what is on screen first, so nothing typed is lost or left out.
  const doConfirm = () =>
    modal.confirm({
      title: text.confirmTitle,
      content: text.confirmHint,
      okText: text.confirm,
      onOk: async () => {
        if (!(await doSave(form.getFieldsValue(true) as V))) return;
        try {
          await p.confirm();
          message.success(text.confirmed);
        } catch (e) {
          setError(applyApiError(form, e));
        }
      },
    });
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} className="sup-sheet-head">
        <Typography.Title level={4} className="sup-sheet-title">
          {doc.number} {doc.title} {p.stateTag}
        </Typography.Title>
        <Flex gap={8} wrap>
          {editable ? (
            <>
              {p.extraActions?.(form, setError)}
              <Button onClick={() => form.submit()} loading={busy}>
                {text.save}
              </Button>
              <Button type="primary" onClick={doConfirm}>
                {text.confirm}
              </Button>
              <Button danger onClick={() => setVoiding(true)}>
                {text.void}
              </Button>
            </>
          ) : null}
          <Button icon={<PrinterOutlined aria-hidden />} onClick={p.onPrint}>
            {text.print}
          </Button>
        </Flex>
      </Flex>
      {doc.state === 'confirmed' ? <Alert className="form-alert" type="success" showIcon title={p.confirmedSummary} /> : null}
      {doc.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={p.voidedSummary} /> : null}
      <Form form={form} layout="vertical" initialValues={p.initial} onFinish={(v) => void doSave(v)} disabled={!editable} aria-label={doc.title}>
        {editable ? (
          <Row gutter={16}>
            {p.head.map((f) => (
              <Col key={f.name} span={f.span}>
                <Form.Item name={f.name} label={f.editLabel ?? f.label}>
                  {f.kind === 'date' ? <DatePicker className="sup-wide" /> : f.kind === 'person' ? <PersonSelect allowClear /> : <Input />}
                </Form.Item>
              </Col>
            ))}
          </Row>
        ) : (
          <Descriptions size="small" column={p.head.length} bordered className="sup-detail">
            {p.head.map((f) => (
              <Descriptions.Item key={f.name} label={f.label}>
                {f.shown}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
        <ErrorAlert error={error} />
        <Table<L>
          rowKey="id"
          size="small"
          pagination={doc.lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          columns={p.columns(form)}
          dataSource={doc.lines}
          scroll={p.scrollX ? { x: p.scrollX } : undefined}
        />
      </Form>
      <Tabs className="sup-history" items={[{ key: 'h', label: text.history, children: <AuditTrail objectType={p.auditObjectType} objectId={doc.id} /> }]} />
      {voiding ? (
        <FormDialog<{ reason: string }>
          title={text.voidTitle}
          okText={text.void}
          danger
          onClose={() => setVoiding(false)}
          onSubmit={async (v) => {
            await p.voidSheet(v.reason ?? '');
            message.success(text.void);
          }}
        >
          <Form.Item name="reason" label={text.voidReason} rules={p.voidRule}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormDialog>
      ) : null}
    </>
  );
}
