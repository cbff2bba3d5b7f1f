#!/usr/bin/env node
// The command line for IT tasks: `npm run cli -- <command> [--data-dir D]`.
// Exit codes are a contract (DESIGN.md): 0 success, 1 check failed, 2 usage error.
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import { openCore, type Core, CoreOpenError, verifyChainParallel, acceptHistory, historyProblem, readAuditHead, DB_FILE, openDataFolder, quickCheck, toShanghaiIso, listAdmins, resetAdmin, seedDemo, autoBackup, droppedText, inspectBackup, restoreBackup, writeAuditHead, DomainError, type Db, backupBesideRunningApp, commandLineBackup } from '../../db';
import { basename } from 'node:path';
import { startWebHost, readPackageVersion } from '../web/server';
import { defaultDataDir, projectRoot, rendererBuildDir } from './paths';

const USAGE = `用法：npm run cli -- <命令> [选项]

命令：
  serve [--port P]                     在本机浏览器中运行（回环地址）
  verify                               检查数据文件（快速检查、完整性、外键、审计链）
  audit-verify                         校验审计链
  backup [--out FILE] [--passphrase-file F]      立即备份（可加密）
  restore FILE [--passphrase-file F] [--yes]     从备份恢复（先显示备份内容，恢复前保留当前数据的安全副本）
  reset-admin [--login L]              重置系统管理员密码（需在本机终端输入新密码）
  accept-history --yes                 数据文件比已知的审计检查点旧或缺失时，确认以当前数据继续（记入审计日志）
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

const open = (dataDir: string, backgroundCheck = false): Core => openCore({ dataDir, appVersion: appVersion(), passwordLogN: passwordLogN(), backgroundCheck });

// One readline for the whole command: a second interface on piped stdin loses the lines the first
// one already read ahead, and a question nobody answers must not end the process with exit 0.
let rl: Interface | null = null;
const pending: string[] = [];
let waiter: ((line: string | null) => void) | null = null;
let inputEnded = false;
let muted = false;

function ask(question: string, hidden: boolean): Promise<string> {
  const tty = !!process.stdin.isTTY;
  if (!rl) {
    rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    const write = out._writeToOutput.bind(rl);
    out._writeToOutput = (s: string) => {
      if (!muted) write(s);
    };
    rl.on('line', (line) => {
      const w = waiter;
      waiter = null;
      if (w) w(line);
      else pending.push(line);
    });
    rl.on('close', () => {
      inputEnded = true;
      const w = waiter;
      waiter = null;
      w?.(null);
    });
  }
  rl.setPrompt(question);
  muted = false;
  rl.prompt();
  muted = hidden && tty;
  return new Promise((resolve, reject) => {
    const done = (line: string | null) => {
      if (muted) process.stdout.write('\n');
      muted = false;
      if (line === null) reject(new Error('输入已结束，未做任何修改。'));
      else resolve(line);
    };
    if (pending.length) done(pending.shift()!);
    else if (inputEnded) done(null);
    else waiter = done;
  });
}

const closePrompt = () => {
  rl?.close();
  rl = null;
};

async function serve(dataDir: string, flags: Record<string, string | true>) {
  const port = str(flags, 'port');
  if (port !== undefined && !/^\d+$/.test(port)) throw new UsageError('--port 必须是数字');
  // The host answers at once; the start-up check finishes in the background before any write.
  const core = open(dataDir, true);
  const host = await startWebHost({ core, appVersion: appVersion(), rendererDir: rendererBuildDir(), port: port ? Number(port) : 0 });
  const infoFile = join(dataDir, 'browser-host.json');
  writeFileSync(infoFile, JSON.stringify({ url: host.url, port: host.port, token: host.token, pid: process.pid }), { mode: 0o600 });
  chmodSync(infoFile, 0o600);
  console.log(`办公室台账已在本机运行，请用浏览器打开：${host.openUrl}`);
  // Daily backup at the first start of the day, in the background: the app is usable meanwhile.
  void autoBackup(core.state, 'start');
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    rmSync(infoFile, { force: true });
    await host.close();
    await autoBackup(core.state, 'exit');
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  process.on('exit', () => rmSync(infoFile, { force: true }));
  return new Promise<number>(() => {});
}

async function verify(dataDir: string): Promise<number> {
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
    problems += await printChain(db, dataDir);
  } finally {
    opened.release();
  }
  console.log(problems ? `发现 ${problems} 项问题。` : '全部检查通过。');
  return problems ? 1 : 0;
}

async function printChain(db: Db, dataDir: string): Promise<number> {
  const head = readAuditHead(dataDir);
  const r = await verifyChainParallel(db, join(dataDir, DB_FILE), toShanghaiIso(new Date()), head ? [head] : []);
  if (r.ok) {
    console.log(`审计链：完好，共 ${r.count} 条，检查点 #${r.checkpoint.seq} ${r.checkpoint.short}`);
    return 0;
  }
  console.log(`审计链：已损坏，第一个问题在第 ${r.firstBrokenSeq} 条：${r.problem}`);
  return 1;
}

async function auditVerify(dataDir: string): Promise<number> {
  const opened = openDataFolder(dataDir, { readOnly: true });
  try {
    return await printChain(opened.db, dataDir);
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
    closePrompt();
    core.close();
  }
}

async function readPassphrase(flags: Record<string, string | true>): Promise<string | undefined> {
  const file = str(flags, 'passphrase-file');
  if (!file) return undefined;
  const p = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (p.length < 8) throw new UsageError('备份口令至少 8 个字符');
  return p;
}

async function backupCommand(dataDir: string, flags: Record<string, string | true>): Promise<number> {
  const out = str(flags, 'out');
  const passphrase = await readPassphrase(flags);
  const who = `cli:${userInfo().username}`;
  let core: Core;
  try {
    core = open(dataDir);
  } catch (e) {
    if (!(e instanceof CoreOpenError && e.reason === 'locked')) throw e;
    const made = await backupBesideRunningApp(dataDir, { out, passphrase, who, appVersion: appVersion(), now: new Date() });
    console.log(`程序正在运行，已通过只读连接备份到：${made.path}（${made.databaseBytes} 字节，审计检查点 #${made.manifest.auditCheckpoint.seq}）。此次备份将在程序下次启动时记入审计日志。`);
    return 0;
  }
  try {
    const made = await commandLineBackup(core.state, { out, passphrase, who });
    console.log(`已备份到：${made.path}`);
    console.log(`数据版本 ${made.manifest.schemaVersion}，${made.manifest.databaseBytes} 字节，SHA-256 ${made.manifest.sha256.slice(0, 16)}…，审计检查点 #${made.manifest.auditCheckpoint.seq}${made.manifest.encrypted ? '，已加密' : ''}`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.log(e.message);
      return 1;
    }
    throw e;
  } finally {
    core.close();
  }
}

async function restoreCommand(dataDir: string, flags: Record<string, string | true>, positional: string[]): Promise<number> {
  const file = positional[0];
  if (!file) throw new UsageError('请给出要恢复的备份文件');
  const passphrase = await readPassphrase(flags);
  const core = open(dataDir);
  try {
    const info = await inspectBackup(core.state, file, passphrase);
    const m = info.manifest;
    console.log(`备份文件：${basename(file)}`);
    console.log(`  单位：${m.unitName || '（未设置）'}  备份时间：${m.createdAt}  程序版本：${m.appVersion}  数据版本：${m.schemaVersion}`);
    console.log(`  内容：${Object.entries(m.counts).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join('，')}`);
    if (!info.canRestore) {
      console.log(info.problem);
      return 1;
    }
    if (!flags.yes) {
      if (!process.stdin.isTTY) throw new UsageError('非交互方式恢复时请加 --yes 以确认');
      const answer = (await ask('确认用此备份替换当前数据？当前数据会先保存为安全副本。输入 yes 继续：', false)).trim();
      if (answer !== 'yes') {
        console.log('已取消，未做任何修改。');
        return 1;
      }
    }
    const r = await restoreBackup(core.state, file, passphrase);
    core.state.event({ action: 'backups.restore', result: 'success', objectType: 'backup', objectId: file, userLogin: `cli:${userInfo().username}`, message: `命令行从备份恢复：${file}（备份时间 ${m.createdAt}），恢复前数据已保存到 ${r.safetyCopy}；${droppedText(r.dropped, r.safetyCopy)}` });
    writeAuditHead(core.state);
    console.log(`已恢复。恢复前的数据已保存到：${r.safetyCopy}`);
    return 0;
  } catch (e) {
    if (e instanceof DomainError) {
      console.log(e.message);
      return 1;
    }
    throw e;
  } finally {
    closePrompt();
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

/**
 * The data folder's history went back (an older file copied in, the file deleted) and the core opened
 * read-only. Going on with the data as it is must be an administrator's explicit, audited decision.
 */
async function acceptHistoryCommand(dataDir: string, flags: Record<string, string | true>): Promise<number> {
  const first = open(dataDir);
  const found = first.state.readOnly ? historyProblem(dataDir, first.state.db)?.message : null;
  if (!found) {
    first.close();
    console.log('数据文件的历史与审计检查点一致，无需确认。');
    return 0;
  }
  console.log(found);
  if (!flags.yes) {
    first.close();
    console.error('如确认以当前数据继续（此前检查点之后的记录将不可恢复，除非另有备份），请加 --yes 重新执行。');
    return 1;
  }
  acceptHistory(dataDir, first.state.db, first.state.clock);
  first.close();
  const core = open(dataDir);
  try {
    core.state.db.transaction(() =>
      core.state.event({ action: 'audit.historyAccepted', result: 'success', objectType: 'audit', userLogin: `cli:${userInfo().username}`, message: `命令行确认以当前数据继续。启动检查发现：${found}` }),
    )();
    console.log('已确认并记入审计日志。');
    return 0;
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { command, flags, positional } = parseArgs(argv);
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
    case 'backup':
      return backupCommand(dataDir, flags);
    case 'restore':
      return restoreCommand(dataDir, flags, positional);
    case 'reset-admin':
      return resetAdminCommand(dataDir, flags);
    case 'accept-history':
      return acceptHistoryCommand(dataDir, flags);
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
