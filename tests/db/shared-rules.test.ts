// Rules that every register applies through one core function (issue 29): a person named on an entry
// must have an open account (one message everywhere), and a time the user gives may run ahead of the
// clock by the one allowance (FUTURE_SLACK_MS, 5 minutes), never more — the same in every register.
import { describe, expect, it } from 'vitest';
import { FUTURE_SLACK_MS } from '../../db/core/time';
import { businessSnapshot, ok, pinnedClock, refused } from '../helpers';
import { bureau, cosign, request } from './seals/fixture';

describe('a person named on an entry has an open account', () => {
  it('is refused alike as 申请人 of a seal use, 审批人 of a seal and 科室负责人 of a department, with nothing changed', async () => {
    const b = await bureau();
    await ok(b.core, b.admin, 'accounts.setActive', { id: b.applicant.id, active: false });
    await ok(b.core, b.admin, 'accounts.setActive', { id: b.deputy.id, active: false });
    const before = businessSnapshot(b.core);
    const asApplicant = await refused(b.core, b.c, 'seals.request', request(b));
    expect(asApplicant).toMatchObject({ field: 'applicantId', message: '赵敏的账号已停用，不能作为申请人' });
    const asApprover = await refused(b.core, b.c, 'seals.sealCreate', { name: '××区司法局合同专用章', kind: 'contract', approverRule: 'person', approverId: b.deputy.id, enabledOn: '2020-01-01', custodianId: b.keeper.id });
    expect(asApprover).toMatchObject({ field: 'approverId', message: '何平的账号已停用，不能作为审批人' });
    const asHead = await refused(b.core, b.admin, 'departments.save', { name: '机关党委', headId: b.deputy.id, activeFrom: '2020-01-01' });
    expect(asHead).toMatchObject({ field: 'headId', message: '何平的账号已停用，不能作为科室负责人或副职' });
    const unknown = await refused(b.core, b.c, 'seals.request', request(b, { applicantId: 99_999 }));
    expect(unknown).toMatchObject({ code: 'not_found', field: 'applicantId', message: '申请人不存在' });
    // No seal, use or department was written.
    expect(businessSnapshot(b.core)).toBe(before);
  });
});

describe('one clock allowance for every register', () => {
  it('a stamping time up to 5 minutes ahead of the clock is taken; further ahead it is refused (as a paper signature date is)', async () => {
    const clock = pinnedClock('2025-06-02T10:00:00+08:00');
    const b = await bureau({ clock });
    expect(FUTURE_SLACK_MS).toBe(5 * 60_000);
    const r = await ok(b.core, b.c, 'seals.request', request(b, { appliedOn: '2025-06-02' }));
    await ok(b.core, b.c, 'seals.approve', { id: r.id, approval: cosign('chief') });
    const before = businessSnapshot(b.core);
    const ahead = await refused(b.core, b.c, 'seals.stamp', { id: r.id, count: 5, stampedAt: '2025-06-02T10:06:00+08:00' });
    expect(ahead).toMatchObject({ field: 'stampedAt', message: '用印时间不能晚于当前时间' });
    expect(businessSnapshot(b.core)).toBe(before);
    const within = await ok(b.core, b.c, 'seals.stamp', { id: r.id, count: 5, stampedAt: '2025-06-02T10:04:00+08:00' });
    expect(within.state).toBe('stamped');
  });
});
