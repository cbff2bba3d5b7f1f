import { Alert } from 'antd';
import type { ApiError } from '../api';

/** A core error that belongs to no single field, shown above the form's buttons. */
export function ErrorAlert({ error, onClose }: { error: ApiError | null | undefined; onClose?: () => void }) {
  if (!error) return null;
  return <Alert className="form-alert" type="error" showIcon title={error.message} closable={onClose ? { onClose } : false} role="alert" />;
}
