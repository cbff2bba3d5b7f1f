// Which screen the person sees: first run, sign-in, forced password change, or the shell.
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from './session';
import { SetupPage } from './auth/SetupPage';
import { SignInPage } from './auth/SignInPage';
import { ForceChangePage } from './auth/ForceChangePage';
import { LockDialog } from './LockDialog';
import { ShellRoutes } from './routes';

export function Gate() {
  const { t } = useTranslation();
  const { phase, start } = useSession();
  switch (phase.kind) {
    case 'loading':
      return (
        <Flex className="auth-page" align="center" justify="center">
          <Spin size="large" description={t('app.loading')} />
        </Flex>
      );
    case 'unreachable':
      return (
        <Result
          status="error"
          title={t('app.unreachable')}
          subTitle={phase.error.message}
          extra={
            <Button type="primary" onClick={start}>
              {t('app.retry')}
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupPage />;
    case 'noData':
      return <Result status="warning" title={t('app.noData')} subTitle={phase.reason} />;
    case 'signedOut':
      return <SignInPage notice={phase.notice} />;
    case 'lockedUnknown':
      return (
        <div className="auth-page">
          <LockDialog open />
        </div>
      );
    case 'signedIn':
      if (phase.me.user.mustChangePassword) return <ForceChangePage me={phase.me} />;
      return <ShellRoutes me={phase.me} locked={phase.locked} />;
  }
}
