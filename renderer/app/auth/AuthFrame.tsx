import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { LanguageSwitch } from './LanguageSwitch';

/** The centred card for first run, sign-in and the forced password change. */
export function AuthFrame({ heading, title, wide, children }: { heading: ReactNode; title: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <Flex className="auth-page" vertical align="center" justify="center">
      <main className={wide ? 'auth-main auth-main-wide' : 'auth-main'}>
        <Typography.Title level={1} className="auth-heading">
          {heading}
        </Typography.Title>
        <Card title={<h2 className="auth-card-title">{title}</h2>} extra={<LanguageSwitch />}>
          {children}
        </Card>
      </main>
    </Flex>
  );
}
