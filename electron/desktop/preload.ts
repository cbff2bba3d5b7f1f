// Runs sandboxed before the renderer; exposes exactly one object, `window.office`. ipcRenderer itself
// never crosses the bridge, and requests are rebuilt field by field so nothing else rides along.
import { contextBridge, ipcRenderer } from 'electron';
import { CALL_CHANNEL, PRINT_CHANNEL, type OfficeBridge } from './bridge';

const office: OfficeBridge = {
  platform: 'desktop',
  call: (req) => ipcRenderer.invoke(CALL_CHANNEL, { method: req.method, input: req.input, session: req.session }),
  print: (req) =>
    ipcRenderer.invoke(PRINT_CHANNEL, {
      route: req.route,
      mode: req.mode,
      ...(req.landscape !== undefined ? { landscape: req.landscape } : {}),
      ...(req.suggestedName !== undefined ? { suggestedName: req.suggestedName } : {}),
    }),
};

contextBridge.exposeInMainWorld('office', office);
