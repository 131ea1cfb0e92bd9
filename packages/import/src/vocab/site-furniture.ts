/**
 * Data: site furniture of government and document-sharing web pages — what surrounds a
 * published report on its page but is not part of it. Used by the HTML reader (elements
 * and paragraphs) and by the text normaliser (lines of pages saved as text).
 */

/** Elements that are page furniture, whatever they contain. */
export const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** class / id words of furniture containers (whole words). */
export const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:nav|navbar|menu|footer|header|topbar|breadcrumbs?|crumbs?|share|bdsharebuttonbox|copyright|sidebar|toolbar|pagination|pager|location|position|weizhi|dqwz|fontsize|zoom)(?:$|[\s_-])/i;

/** Whole lines (or paragraphs) that are furniture. */
export const FURNITURE_LINES: RegExp[] = [
  /^\s*(?:首页|网站首页|主页)\s*(?:>|＞|»|›|\/)/, // breadcrumb
  /^\s*(?:当前位置|您当前的位置|您现在所在的位置|您的位置|所在位置|当前页面)\s*[:：]/,
  /字体\s*[:：]?\s*[\[【［]?\s*(?:大|小)\s*[\]】］]?\s*[\[【［]?\s*(?:中|大|小)/,
  /^\s*[\[【［]?\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|返回顶部|分享到|收藏|扫一扫(?:在手机打开当前页)?)\s*[\]】］]?\s*(?:[\[【［]?\s*(?:打印(?:本页)?|关闭(?:窗口|本页)?|返回顶部|收藏)\s*[\]】］]?\s*)*$/,
  /版权所有|ICP\s*备|网站标识码|公网安备|技术支持\s*[:：]|网站地图|联系我们\s*\|/,
  /^\s*<image>\s*data:/i,
  /^\s*(?:上一篇|下一篇)\s*[:：]/,
  /浏览次数\s*[:：]|点击(?:数|量|次数)\s*[:：]|阅读(?:次数|量)\s*[:：]/,
  // document-sharing sites and paywalls around a copied report
  /由会员分享|可在线阅读.{0,40}更多相关|请在.{0,16}上搜索|文档贡献者|下载(?:本)?文档|隐藏内容.{0,20}(?:会员|开放)|(?:查看|阅读)完整内容请|咨询热线\s*[:：]/,
];

/** A word one of the furniture lines has (a cheap test before the patterns). */
const FURNITURE_HINT = /首页|位置|字体|打印|关闭|分享|收藏|扫一扫|返回|版权|ICP|标识码|公网|技术支持|网站|image|上一篇|下一篇|浏览|点击|阅读|会员|在线|搜索|贡献|下载|隐藏|完整|热线/i;

export function isFurnitureText(text: string): boolean {
  return text.length <= 200 && FURNITURE_HINT.test(text) && FURNITURE_LINES.some((re) => re.test(text));
}
