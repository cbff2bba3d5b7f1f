// Adopting an existing paper/Excel register: download the template, upload the filled one, see a
// row-by-row report (row, column, problem in Chinese), then import all or nothing.
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { ImportProblem } from '../../../db/contract/output';
import { downloadBase64, readBase64 } from '../download';

export function ImportDialog({ register, title, open, onClose, onImported }: { register: string; title: string; open: boolean; onClose: () => void; onImported?: (n: number) => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<{ rows: number; problems: ImportProblem[]; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setFile(null);
    setReport(null);
  };
  const template = async () => {
    const t = await api.call('output.importTemplate', { register });
    downloadBase64(t.fileName, t.base64);
  };
  const check = async (f: File) => {
    setBusy(true);
    try {
      const base64 = await readBase64(f);
      setFile({ name: f.name, base64 });
      setReport(await api.call('output.importCheck', { register, base64 }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await api.call('output.importCommit', { register, base64: file.base64 });
      message.success(`已导入 ${r.imported} 条`);
      // An import touches a register's lists, totals, home tiles and numbering: read everything afresh.
      await qc.invalidateQueries();
      onImported?.(r.imported);
      reset();
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={`导入：${title}`}
      width={760}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={[
        <Button key="close" onClick={() => (reset(), onClose())}>
          取消
        </Button>,
        <Button key="commit" type="primary" disabled={!report?.ok} loading={busy} onClick={() => void commit()}>
          导入 {report?.ok ? `${report.rows} 条` : ''}
        </Button>,
      ]}
    >
      <Space direction="vertical" className="full-width">
        <Space>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            下载导入模板
          </Button>
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => (void check(f), false)}>
            <Button icon={<UploadOutlined />} loading={busy}>
              选择填好的文件（试运行）
            </Button>
          </Upload>
          {file ? <span>{file.name}</span> : null}
        </Space>
        {report ? (
          report.ok ? (
            <Alert type="success" title={`试运行通过：共 ${report.rows} 行，没有发现问题。点击“导入”将全部导入。`} />
          ) : (
            <>
              <Alert type="error" title={`发现 ${report.problems.length} 处问题，请修改后重新选择文件。导入时要么全部导入，要么一条都不导入。`} />
              <Table<ImportProblem>
                size="small"
                rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
                dataSource={report.problems}
                pagination={{ pageSize: 8 }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 70 },
                  { title: '列', dataIndex: 'column', width: 140 },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </>
          )
        ) : null}
      </Space>
    </Modal>
  );
}
