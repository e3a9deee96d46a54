// The device of a remembered session in words (« Firefox sur Android »), from its User-Agent, for the list of
// Mon profil. No parser is installed and this needs only the main browsers and systems: the order matters, as
// each browser's User-Agent also names the ones it descends from (Edge says Chrome and Safari, Chrome says Safari).

const NAVIGATEURS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/(\bHeadlessChrome|\bChrome|\bCriOS|\bChromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMES: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\b(iPhone|iPod)\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const trouver = (ua: string, table: [RegExp, string][]) => table.find(([motif]) => motif.test(ua))?.[1];

/** « Firefox sur Android », « Navigateur sur Windows », « Appareil inconnu ». */
export function appareilDuUserAgent(userAgent: string | null | undefined): string {
  const ua = (userAgent ?? "").slice(0, 512);
  const navigateur = trouver(ua, NAVIGATEURS);
  const systeme = trouver(ua, SYSTEMES);
  if (!navigateur && !systeme) return "Appareil inconnu";
  return `${navigateur ?? "Navigateur"}${systeme ? ` sur ${systeme}` : ""}`;
}
