// A modal form that submits to the core and puts the core's refusal next to the field it names
// (or above the buttons when it concerns no field of this form).
import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api';
import { ErrorAlert } from './ErrorAlert';
import { applyApiError, type FieldErrorOptions } from './formErrors';

interface Props<V> {
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  fieldMap?: FieldErrorOptions['fieldMap'];
  form?: FormInstance<V>;
  onValuesChange?: (changed: Partial<V>, all: V) => void;
}

/** A modal form: submits to the core, shows a refusal next to the field it names or above the buttons. */
export function FormDialog<V extends object>({ title, okText, danger, width = 600, initialValues, onSubmit, onClose, children, fieldMap, form: given, onValuesChange }: Props<V>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(v);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, { fieldMap }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={width}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" onFinish={submit} initialValues={initialValues as never} aria-label={typeof title === 'string' ? title : undefined} onValuesChange={onValuesChange} scrollToFirstError>
        {typeof children === 'function' ? children(form) : children}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
