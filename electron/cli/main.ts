#!/usr/bin/env node
// The command line for IT tasks: `npm run cli -- <command> [--data-dir D]`.
// Exit codes are a contract (DESIGN.md): 0 success, 1 check failed, 2 usage error.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { openCore, type Core } from '../../db/core/core';
import { CoreOpenError } from '../../db/core/errors';
import { verifyChain } from '../../db/core/audit';
import { readAuditHead } from '../../db/core/audit-head';
import { openDataFolder, quickCheck } from '../../db/core/open';
import { toShanghaiIso } from '../../db/core/time';
import { listAdmins, resetAdmin } from '../../db/accounts/admin-reset';
import { seedDemo } from '../../db/demo/seed';
import { startWebHost, readPackageVersion } from '../web/server';
import { defaultDataDir, projectRoot, rendererBuildDir } from './paths';

const USAGE = `用法：npm run cli -- <命令> [选项]

命令：
  serve [--port P]                     在本机浏览器中运行（回环地址）
  verify                               检查数据文件（快速检查、完整性、外键、审计链）
  audit-verify                         校验审计链
  reset-admin [--login L]              重置系统管理员密码（需在本机终端输入新密码）
  seed-demo --scale small|bench [--password P]  生成演示数据

通用选项：
  --data-dir D                         数据文件夹（默认：${defaultDataDir()}）`;

class UsageError extends Error {}

export function parseArgs(argv: string[]) {
  const [command, ...rest] = argv;
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) flags[k] = rest[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { command, flags, positional };
}

const str = (flags: Record<string, string | true>, k: string) => {
  const v = flags[k];
  if (v === true) throw new UsageError(`--${k} 需要一个值`);
  return v;
};

const appVersion = () => readPackageVersion(projectRoot());

/** Tests may lower the scrypt cost to keep the suite quick; never set this on a real workstation. */
function passwordLogN(): number | undefined {
  if (process.env.OFFICE_INSECURE_FAST_HASH === '1') {
    process.stderr.write('警告：OFFICE_INSECURE_FAST_HASH=1，仅供测试使用的弱密码哈希参数。\n');
    return 12;
  }
  return undefined;
}

const open = (dataDir: string): Core => openCore({ dataDir, appVersion: appVersion(), passwordLogN: passwordLogN() });

function ask(question: string, hidden: boolean): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: hidden && process.stdin.isTTY });
    if (hidden && process.stdin.isTTY) {
      const out = rl as unknown as { _writeToOutput: (s: string) => void };
      out._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(s);
      };
    }
    rl.question(question, (answer) => {
      rl.close();
      if (hidden && process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function serve(dataDir: string, flags: Record<string, string | true>) {
  const port = str(flags, 'port');
  if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError('--port 必须是数字');
  const core = open(dataDir);
  const host = await startWebHost({ core, appVersion: appVersion(), rendererDir: rendererBuildDir(), port: port ? Number(port) : 0 });
  const infoFile = join(dataDir, 'browser-host.json');
  writeFileSync(infoFile, JSON.stringify({ url: host.url, port: host.port, token: host.token, pid: process.pid }), { mode: 0o600 });
  chmodSync(infoFile, 0o600);
  console.log(`办公室台账已在本机运行，请用浏览器打开：${host.openUrl}`);
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    rmSync(infoFile, { force: true });
    await host.close();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('exit', () => rmSync(infoFile, { force: true }));
  return new Promise<number>(() => {});
}

function verify(dataDir: string): number {
  const opened = openDataFolder(dataDir, { readOnly: true });
  const { db } = opened;
  let problems = 0;
  try {
    const quick = quickCheck(db);
    console.log(`快速检查（quick_check）：${quick}`);
    if (quick !== 'ok') problems++;
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    console.log(`完整性检查（integrity_check）：${integrity}`);
    if (integrity !== 'ok') problems++;
    const fk = db.pragma('foreign_key_check') as unknown[];
    console.log(`外键检查（foreign_key_check）：${fk.length ? `${fk.length} 处问题` : 'ok'}`);
    if (fk.length) problems++;
    problems += printChain(db, dataDir);
  } finally {
    opened.release();
  }
  console.log(problems ? `发现 ${problems} 项问题。` : '全部检查通过。');
  return problems ? 1 : 0;
}

function printChain(db: import('../../db/core/open').Db, dataDir: string): number {
  const head = readAuditHead(dataDir);
  const r = verifyChain(db, toShanghaiIso(new Date()), head ? [head] : []);
  if (r.ok) {
    console.log(`审计链：完好，共 ${r.count} 条，检查点 #${r.checkpoint.seq} ${r.checkpoint.short}`);
    return 0;
  }
  console.log(`审计链：已损坏，第一个问题在第 ${r.firstBrokenSeq} 条：${r.problem}`);
  return 1;
}

function auditVerify(dataDir: string): number {
  const opened = openDataFolder(dataDir, { readOnly: true });
  try {
    return printChain(opened.db, dataDir);
  } finally {
    opened.release();
  }
}

async function resetAdminCommand(dataDir: string, flags: Record<string, string | true>): Promise<number> {
  const core = open(dataDir);
  try {
    const admins = listAdmins(core);
    if (!admins.length) {
      console.log('此数据文件夹还没有系统管理员：请直接启动程序完成首次设置。');
      return 1;
    }
    console.log('系统管理员账号：');
    for (const a of admins) console.log(`  ${a.login}（${a.name}）${a.active ? '' : ' 已停用'}${a.lockedUntil ? ` 锁定至 ${a.lockedUntil}` : ''}`);
    let login = str(flags, 'login');
    if (!login) login = (await ask(`要重置的登录名 [${admins[0].login}]：`, false)).trim() || admins[0].login;
    const p1 = await ask('新密码：', true);
    const p2 = await ask('再次输入新密码：', true);
    if (p1 !== p2) {
      console.log('两次输入的密码不一致，未做任何修改。');
      return 1;
    }
    await resetAdmin(core, login, p1, userInfo().username);
    console.log(`已重置“${login}”的密码并解除锁定；下次登录时须修改密码。此操作已记入审计日志。`);
    return 0;
  } catch (e) {
    console.log((e as Error).message);
    return 1;
  } finally {
    core.close();
  }
}

async function seedDemoCommand(dataDir: string, flags: Record<string, string | true>): Promise<number> {
  const scale = str(flags, 'scale') ?? 'small';
  if (scale !== 'small' && scale !== 'bench') throw new UsageError('--scale 只能是 small 或 bench');
  let password = str(flags, 'password');
  const generated = !password;
  if (!password) password = `Demo-${randomBytes(4).toString('hex')}-8`;
  const core = open(dataDir);
  try {
    await seedDemo(core, { scale, password, log: (l) => console.log(l) });
    console.log(`演示数据已生成。演示账号 demo-admin、demo-clerk、demo-leader、demo-auditor 的密码：${generated ? password : '（--password 所给）'}`);
    return 0;
  } catch (e) {
    console.log((e as Error).message);
    return 1;
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { command, flags } = parseArgs(argv);
  if (!command || command === 'help' || flags.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const dataDir = str(flags, 'data-dir') ?? defaultDataDir();
  switch (command) {
    case 'serve':
      return serve(dataDir, flags);
    case 'verify':
      return verify(dataDir);
    case 'audit-verify':
      return auditVerify(dataDir);
    case 'reset-admin':
      return resetAdminCommand(dataDir, flags);
    case 'seed-demo':
      return seedDemoCommand(dataDir, flags);
    default:
      throw new UsageError(`未知命令：${command}`);
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      if (e instanceof UsageError) {
        console.error(`${e.message}\n\n${USAGE}`);
        process.exit(2);
      }
      if (e instanceof CoreOpenError) {
        console.error(e.message);
        process.exit(1);
      }
      console.error('抱歉，命令执行出错：', e);
      process.exit(1);
    },
  );
}
