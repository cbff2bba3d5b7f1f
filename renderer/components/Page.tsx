import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The frame of every page inside the shell: a title line with its actions, then the content. */
export function Page({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <section className="page">
      <Flex className="page-head" justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={3} className="page-title">
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
      </Flex>
      {children}
    </section>
  );
}
