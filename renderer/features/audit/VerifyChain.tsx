import { Alert } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { VerifyResult } from '../../../db/contract/audit';

/** The answer of 校验审计链, in words an auditor can copy into a report. */
export function VerifyResultAlert({ result, onClose }: { result: VerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  const at = t('audit.checkedAt', { at: dayjs(result.checkedAt).format('YYYY-MM-DD HH:mm:ss') });
  if (result.ok) {
    return (
      <Alert
        className="page-alert"
        type="success"
        showIcon
        data-testid="verify-result"
        title={t('audit.verifyOk', { count: result.count, seq: result.checkpoint.seq, short: result.checkpoint.short })}
        description={at}
        closable={{ onClose }}
      />
    );
  }
  return (
    <Alert
      className="page-alert"
      type="error"
      showIcon
      role="alert"
      data-testid="verify-result"
      title={t('audit.verifyBroken', { seq: result.firstBrokenSeq ?? '?' })}
      description={
        <>
          {result.problem ? <div>{t('audit.verifyProblem', { problem: result.problem })}</div> : null}
          <div>{at}</div>
        </>
      }
      closable={{ onClose }}
    />
  );
}
