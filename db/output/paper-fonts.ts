// The Chinese fonts the PDF writer embeds, found on this workstation the way the print route's CSS
// finds them (DOMAIN.md "Printing conventions"): the body in 仿宋 where it is installed, else Noto Serif
// CJK, else any font that covers simplified Chinese; headings in 黑体 (or Noto Sans CJK bold). Looked up
// once per process: Windows keeps them in %WINDIR%\Fonts, Linux (domestic ones included) through
// fontconfig.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PaperFont {
  file: string;
  /** The face inside a font collection (.ttc), by PostScript name. */
  face?: string;
}
export interface PaperFonts {
  body: PaperFont;
  heading: PaperFont;
  /**
   * Other Chinese fonts, best first, for a text the body font lacks a character of (仿宋_GB2312 has no
   * 喆 or 堃; SimSun and the Noto fonts do): nothing prints as an empty box.
   */
  fallbacks: PaperFont[];
}

interface Installed extends PaperFont {
  families: string[];
  bold: boolean;
}

const BODY = ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'];
const HEADING = ['SimHei', '黑体', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'];

/** Fonts fontconfig knows that cover simplified Chinese; none where there is no fontconfig. */
function fontconfigFonts(): Installed[] {
  try {
    const out = execFileSync('fc-list', ['-f', '%{file}|%{postscriptname}|%{family}|%{weight}\n', ':lang=zh-cn'], { encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [file, face, families, weight] = l.split('|');
        return { file, face: /\.(ttc|otc)$/i.test(file) ? face : undefined, families: families.split(','), bold: Number(weight) >= 200 };
      })
      .filter((f) => /\.(ttf|otf|ttc|otc)$/i.test(f.file));
  } catch {
    return [];
  }
}

/** The fonts every Chinese Windows has (the names in the fonts folder are fixed). */
function windowsFonts(): Installed[] {
  const dir = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
  const known: Installed[] = [
    { file: join(dir, 'simfang.ttf'), families: ['FangSong', '仿宋'], bold: false },
    { file: join(dir, 'simhei.ttf'), families: ['SimHei', '黑体'], bold: false },
    { file: join(dir, 'simsun.ttc'), face: 'SimSun', families: ['SimSun', '宋体'], bold: false },
    { file: join(dir, 'msyh.ttc'), face: 'MicrosoftYaHei', families: ['Microsoft YaHei'], bold: false },
  ];
  return known.filter((f) => existsSync(f.file));
}

function pick(installed: Installed[], names: string[], bold: boolean): Installed | undefined {
  for (const name of names) {
    const same = installed.filter((f) => f.families.includes(name));
    const hit = same.find((f) => f.bold === bold) ?? same[0];
    if (hit) return hit;
  }
  return installed.find((f) => f.bold === bold) ?? installed[0];
}

let found: PaperFonts | null | undefined;

/** The body and heading fonts, or null when this workstation has no font that covers Chinese. */
export function paperFonts(): PaperFonts | null {
  if (found !== undefined) return found;
  const installed = process.platform === 'win32' ? windowsFonts() : fontconfigFonts();
  const body = pick(installed, BODY, false);
  const heading = pick(installed, HEADING, true) ?? body;
  const font = (f: Installed): PaperFont => ({ file: f.file, face: f.face });
  const rest = [...BODY.flatMap((name) => installed.filter((f) => f.families.includes(name) && !f.bold)), ...installed.filter((f) => !f.bold)];
  const fallbacks = rest.filter((f, i) => f !== body && rest.findIndex((g) => g.file === f.file && g.face === f.face) === i).map(font);
  found = body && heading ? { body: font(body), heading: font(heading), fallbacks } : null;
  return found;
}
