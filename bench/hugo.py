#!/usr/bin/env python3
"""Converts a Gongkai benchmark corpus (made by bench/corpus.py) into an equivalent Hugo site.

Usage: bench/hugo.py SRC DIR

DIR gets config.toml, content/ (the same documents at the same paths, Markdown bodies
unchanged, front matter in Hugo's keys), an _index.md for every column of site.yml, static/
with Gongkai's stylesheet and script, and layouts/ that reproduce Gongkai's default templates
page for page, with the same markup and the same text, so the two generators do comparable work
for each page:

- document pages: <head> with the same <meta> tags (SiteName, SiteIDCode, ColumnName,
  ArticleTitle, PubDate, ContentSource, Keywords), header navigation with the current column
  marked, 关怀模式 toolbar, breadcrumb (ancestors), validity notice for 已修改/已废止/失效,
  the 7-row metadata table (索引号, 发文机关, 文号, 成文日期, 发布日期, 主题分类, 有效性;
  "无" when empty), the Markdown body, the relation lists (解读对象, 相关解读, 新版本, 旧版本)
  looked up with site.GetPage, the link back to the column, footer;
- Markdown links to other documents (../zcwj/doc-….md) are rewritten to page addresses by a
  link render hook that looks the target up, and a missing target fails the build, as in Gongkai;
- column pages for every column, parents included: all documents of the column and its
  descendants (.RegularPagesRecursive, which Hugo keeps newest first), 20 per page, with title,
  文号, date and validity badge; the sub-columns with their document counts; page links with
  the same window (first, current ± 2, last); the feed link;
- one feed per column (Hugo's RSS output format renamed feed.xml, written as Atom like
  Gongkai's), the latest 50 documents with the same metadata summary; no feed for the home page,
  as in Gongkai;
- home page: the latest 6 documents of each column marked 首页: 是, with counts;
- 网站地图 (sitemap.html: the column tree with counts), accessibility.html, 404.html,
  sitemap.xml (Hugo's own).

What still differs (Gongkai does more unless noted):
- no QR code on document pages (Hugo 0.111 has no QR function; Gongkai encodes one per page);
- Gongkai validates everything before writing: front matter, personal data (ID card, mobile
  and bank card numbers), unsafe markup, all links, 三同步 and column-update inspections,
  templates against the view model; it also works out the 索引号 itself, while here the
  converter computes them (same rule: per year in order of 发布日期 and path) and so do the
  reverse relations (相关解读, 新版本), which Hugo then only looks up;
- Gongkai post-processes the Markdown: tables in a keyboard-scrollable region with scope="col"
  headers (Hugo 0.111 has no table render hook), soft line breaks between Chinese characters
  removed (the corpus has none);
- Gongkai's full build writes into a temporary folder and swaps it in at the end; its plain
  build is incremental (cache beside the output), Hugo's command-line build never is;
- page addresses: Hugo writes pages 2… of a column as <column>/page/N/index.html (plus a
  page/1/ redirect per column), Gongkai as <column>/index_N.html; Hugo's sitemap.xml lists
  documents and first pages of columns, Gongkai's also the later pages of columns;
- documents get linkTitle = their path, so that Hugo's default order (date, then linkTitle)
  breaks ties between documents published at the same minute as Gongkai does (by path);
- taxonomies are disabled (标签 become a plain keywords parameter) and Hugo's typographer is off,
  since Gongkai does neither; 网站地图 and the accessibility page come from content files here.
"""
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = {"标题": "title", "发文机关": "issuer", "文号": "doc_no", "成文日期": "written", "主题分类": "topic",
        "文件类型": "doc_type", "有效性": "validity", "有效期至": "valid_until",
        "标签": "keywords"}


def parse_site(text):
    """The site.yml written by corpus.py: top-level keys and the column tree."""
    settings, columns, stack = {}, [], []  # stack: (indent, column)
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if body.startswith("- "):
            indent += 2
            body = body[2:]
            while stack and stack[-1][0] >= indent:
                stack.pop()
            current = {"children": [], "parent": stack[-1][1] if stack else None}
            (current["parent"]["children"] if current["parent"] else columns).append(current)
            stack.append((indent, current))
        key, _, value = body.partition(":")
        value = value.strip().strip('"')
        if indent == 0:
            settings[key] = value
        elif current is not None and value:
            current[key] = value
    return settings, columns


def walk(columns, prefix=""):
    for weight, column in enumerate(columns, 1):
        path = f"{prefix}{column['路径']}"
        yield path, weight, column
        yield from walk(column["children"], path + "/")


def front_matter(text):
    head, body = text[4:].split("\n---\n", 1)
    fields = {}
    for line in head.splitlines():
        if line.startswith("#") or ": " not in line:
            continue
        key, value = line.split(": ", 1)
        fields[key] = value.strip()
    return fields, body


def list_value(value):
    return [v.strip() for v in value.strip("[]").split(",") if v.strip()] if value.startswith("[") else [value]


def published_key(value):
    """(date, time) as Gongkai compares 发布日期: a date alone is midnight."""
    date, _, time = value.partition(" ")
    return date, time or "00:00"


def main():
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    settings, columns = parse_site((src / "site.yml").read_text(encoding="utf-8"))
    prefix = settings.get("机构代码") or settings["网站标识码"]
    if out.exists():
        shutil.rmtree(out)
    content = out / "content"
    content.mkdir(parents=True)

    documents = {}  # id -> (fields, body)
    for path in sorted(src.rglob("*.md")):
        doc_id = path.relative_to(src).with_suffix("").as_posix()
        documents[doc_id] = front_matter(path.read_text(encoding="utf-8"))

    # 索引号 by Gongkai's rule: per 发布日期 year, in order of (发布日期, id).
    index_numbers, serials = {}, {}
    for doc_id in sorted(documents, key=lambda i: (published_key(documents[i][0]["发布日期"]), i)):
        fields = documents[doc_id][0]
        if "索引号" in fields:
            index_numbers[doc_id] = fields["索引号"]
            continue
        year = fields["发布日期"][:4]
        serials[year] = serials.get(year, 0) + 1
        index_numbers[doc_id] = f"{prefix}/{year}-{serials[year]:05d}"

    # Relations in both directions (the corpus names targets by path).
    reverse = {}
    for doc_id, (fields, _) in documents.items():
        for key, back in (("解读对象", "interpreted_by"), ("替代", "replaced_by")):
            for target in list_value(fields.get(key, "")) if key in fields else []:
                reverse.setdefault(target, {}).setdefault(back, []).append("/" + doc_id)

    newest_first = {doc_id: n for n, doc_id in enumerate(
        sorted(documents, key=lambda i: (tuple(-ord(c) for c in "".join(published_key(documents[i][0]["发布日期"]))), i)))}
    for lists in reverse.values():
        for key in lists:
            lists[key].sort(key=lambda path: newest_first[path[1:]])

    for doc_id, (fields, body) in documents.items():
        date, time = published_key(fields["发布日期"])
        params = {"title": fields["标题"], "date": f"{date}T{time}:00+08:00", "url": f"/{doc_id}.html",
                  "linkTitle": doc_id,
                  "index_no": index_numbers[doc_id]}
        for key, name in KEYS.items():
            if key in fields and key != "标题":
                params[name] = list_value(fields[key]) if key == "标签" else fields[key]
        if "解读对象" in fields:
            params["interprets"] = ["/" + t for t in list_value(fields["解读对象"])]
        if "替代" in fields:
            params["replaces"] = ["/" + t for t in list_value(fields["替代"])]
        params.update(reverse.get(doc_id, {}))
        target = content / f"{doc_id}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in params.items()]
        target.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")

    home_sections, navigation = [], [{"title": "首页", "url": "/"}]
    for path, weight, column in walk(columns):
        folder = content / path
        folder.mkdir(parents=True, exist_ok=True)
        params = {"title": column["标题"], "weight": weight, "update": column.get("更新类别", "")}
        (folder / "_index.md").write_text(
            "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in params.items()) + "---\n",
            encoding="utf-8")
        if column.get("首页") in ("是", "true", "yes"):
            home_sections.append("/" + path)
        # Gongkai's navigation: the top columns, or the children of a single top column too.
        if column["parent"] is None or (len(columns) == 1 and column["parent"] is columns[0]):
            navigation.append({"title": column["标题"], "url": f"/{path}/"})
    (content / "_index.md").write_text(f"---\ntitle: {json.dumps(settings['网站名称'], ensure_ascii=False)}\n---\n",
                                       encoding="utf-8")
    (content / "sitemap.md").write_text('---\ntitle: "网站地图"\nlayout: "columns"\nurl: "/sitemap.html"\n---\n',
                                        encoding="utf-8")
    (content / "accessibility.md").write_text(
        '---\ntitle: "关怀模式与无障碍"\nlayout: "plain"\nurl: "/accessibility.html"\n---\n'
        "本站按照《信息技术 互联网内容无障碍可访问性技术要求与测试方法》（GB/T 37668—2019）建设。\n\n"
        "页面右上角的“关怀模式”按钮打开工具栏：可以增大字号、切换高对比度、加大行距、显示阅读辅助线和朗读正文。\n",
        encoding="utf-8")

    config = {
        "baseURL": settings["网址"], "languageCode": "zh-cn", "defaultContentLanguage": "zh",
        "title": settings["网站名称"], "paginate": int(settings.get("每页条数", 20)), "uglyURLs": False,
        "disableKinds": ["taxonomy", "term"], "rssLimit": 50, "timeZone": "Asia/Shanghai",
        "enableRobotsTXT": False, "disableHugoGeneratorInject": True,
    }
    toml = [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in config.items()]
    toml += ["", "[outputs]", 'home = ["HTML"]', 'section = ["HTML", "RSS"]', 'page = ["HTML"]', "",
             "[outputFormats.RSS]", 'baseName = "feed"', "",
             "[markup.goldmark.extensions]", "typographer = false", "",
             "[params]", f"siteCode = {json.dumps(settings['网站标识码'])}",
             f"host = {json.dumps(settings['主办单位'], ensure_ascii=False)}",
             f"homeSections = {json.dumps(home_sections)}"]
    toml += ["", *[f"[[params.navigation]]\ntitle = {json.dumps(n['title'], ensure_ascii=False)}\nurl = {json.dumps(n['url'])}"
                   for n in navigation]]
    (out / "config.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")

    shutil.copytree(ROOT / "templates/assets", out / "static/assets")
    for name, text in LAYOUTS.items():
        path = out / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip("\n"), encoding="utf-8")


CARE_SCRIPT = ('(function(){var h=document.documentElement;h.className+=" gk-js";try{var s=JSON.parse(localStorage.getItem('
               '"gongkai.care")||"{}");if([125,150,175,200].indexOf(s.text)>=0){h.setAttribute("data-gk-text",String(s.text));}'
               'if(s.contrast){h.className+=" gk-care-contrast";}if(s.spacing){h.className+=" gk-care-spacing";}}catch(e){}})();')

LAYOUTS = {
    "_default/baseof.html": """
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{- $pager := false }}{{ $number := 1 }}
{{- if eq .Kind "section" }}{{ $pager = .Paginate .RegularPagesRecursive }}{{ $number = $pager.PageNumber }}{{ end }}
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }}{{ if gt $number 1 }}（第{{ $number }}页）{{ end }} - {{ site.Title }}{{ end }}</title>
<meta name="SiteName" content="{{ site.Title }}">
<meta name="SiteDomain" content="{{ site.BaseURL }}">
<meta name="SiteIDCode" content="{{ site.Params.siteCode }}">
{{- $column := cond .IsPage .Parent . }}
{{- if and $column (eq $column.Kind "section") }}
<meta name="ColumnName" content="{{ $column.Title }}">
{{- with $column.Params.update }}
<meta name="ColumnType" content="{{ . }}">
{{- end }}
{{- end }}
{{- if and .IsPage .Params.issuer }}
<meta name="ArticleTitle" content="{{ .Title }}">
<meta name="PubDate" content="{{ .Date.Format "2006-01-02 15:04" }}">
<meta name="ContentSource" content="{{ .Params.issuer }}">
{{- with .Params.keywords }}
<meta name="Keywords" content="{{ delimit . "," }}">
{{- end }}
{{- end }}
<link rel="canonical" href="{{ if gt $number 1 }}{{ $pager.URL | absURL }}{{ else }}{{ .Permalink }}{{ end }}">
<link rel="stylesheet" href="/assets/gongkai.css">
<script>""" + CARE_SCRIPT + """</script>
<script src="/assets/care.js" defer></script>
</head>
<body>
<a class="gk-skip-link" href="#main">跳到正文</a>
{{ partial "header.html" . }}
{{ partial "care-toolbar.html" . }}
{{ partial "breadcrumb.html" (dict "page" . "number" $number) }}
<main id="main" class="gk-main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
""",
    "partials/header.html": """
<header class="gk-header">
  <div class="gk-header__inner">
    <a class="gk-header__site" href="/">{{ site.Title }}</a>
    <button type="button" id="gk-care-toggle" class="gk-care-toggle" aria-expanded="false" aria-controls="gk-care" hidden>关怀模式</button>
  </div>
  <nav class="gk-nav" aria-label="主栏目">
    <ul class="gk-nav__list">
      {{- $here := .RelPermalink }}
      {{- $current := cond .IsHome "/" "" }}
      {{- range site.Params.navigation }}{{ if and (ne .url "/") (hasPrefix $here .url) }}{{ $current = .url }}{{ end }}{{ end }}
      {{- range site.Params.navigation }}
      <li class="gk-nav__item"><a class="gk-nav__link{{ if eq .url $current }} gk-nav__link--current{{ end }}" href="{{ .url }}"{{ if eq .url $current }} aria-current="true"{{ end }}>{{ .title }}</a></li>
      {{- end }}
    </ul>
  </nav>
</header>
""",
    "partials/breadcrumb.html": """
<nav class="gk-breadcrumb" aria-label="当前位置">
  <span class="gk-breadcrumb__label" aria-hidden="true">当前位置：</span>
  <ol class="gk-breadcrumb__list">
    {{- $page := .page }}
    {{- range $page.Ancestors.Reverse }}
    <li class="gk-breadcrumb__item"><a class="gk-breadcrumb__link" href="{{ .RelPermalink }}">{{ if .IsHome }}首页{{ else }}{{ .Title }}{{ end }}</a></li>
    {{- end }}
    {{- if gt .number 1 }}
    <li class="gk-breadcrumb__item"><a class="gk-breadcrumb__link" href="{{ $page.RelPermalink }}">{{ $page.Title }}</a></li>
    <li class="gk-breadcrumb__item"><span aria-current="page">第{{ .number }}页</span></li>
    {{- else }}
    <li class="gk-breadcrumb__item"><span aria-current="page">{{ if $page.IsHome }}首页{{ else if $page.IsPage }}{{ if $page.Params.issuer }}正文{{ else }}{{ $page.Title }}{{ end }}{{ else }}{{ $page.Title }}{{ end }}</span></li>
    {{- end }}
  </ol>
</nav>
""",
    "partials/footer.html": """
<footer class="gk-footer">
  <div class="gk-footer__inner">
    <ul class="gk-footer__links">
      <li><a href="/">网站首页</a></li>
      <li><a href="/sitemap.html">网站地图</a></li>
      <li><a href="/accessibility.html">关怀模式与无障碍</a></li>
    </ul>
    <p class="gk-footer__line">主办单位：{{ site.Params.host }}</p>
    <p class="gk-footer__line"></p>
    <p class="gk-footer__line">网站标识码：{{ site.Params.siteCode }}</p>
  </div>
</footer>
""",
    "partials/care-toolbar.html": """
<section id="gk-care" class="gk-care" aria-label="关怀模式工具栏" hidden>
  <div class="gk-care__inner">
    <div class="gk-care__group" role="group" aria-labelledby="gk-care-size-label">
      <span id="gk-care-size-label" class="gk-care__label">字号</span>
      <button type="button" id="gk-care-smaller" class="gk-care__button">减小字号</button>
      <button type="button" id="gk-care-larger" class="gk-care__button">增大字号</button>
      <span id="gk-care-size" class="gk-care__status" role="status">字号 100%</span>
    </div>
    <div class="gk-care__group" role="group" aria-labelledby="gk-care-view-label">
      <span id="gk-care-view-label" class="gk-care__label">显示</span>
      <button type="button" id="gk-care-contrast" class="gk-care__button" aria-pressed="false">高对比度</button>
      <button type="button" id="gk-care-spacing" class="gk-care__button" aria-pressed="false">加大行距</button>
      <button type="button" id="gk-care-guide" class="gk-care__button" aria-pressed="false">阅读辅助线</button>
    </div>
    <div class="gk-care__group" role="group" aria-labelledby="gk-care-read-label">
      <span id="gk-care-read-label" class="gk-care__label">朗读</span>
      <button type="button" id="gk-care-read" class="gk-care__button">朗读正文</button>
      <button type="button" id="gk-care-pause" class="gk-care__button">暂停</button>
      <button type="button" id="gk-care-resume" class="gk-care__button">继续</button>
      <button type="button" id="gk-care-stop" class="gk-care__button">停止</button>
      <span id="gk-care-speech" class="gk-care__status" role="status"></span>
    </div>
    <div class="gk-care__group">
      <button type="button" id="gk-care-reset" class="gk-care__button">恢复默认</button>
      <a class="gk-care__help" href="/accessibility.html">使用说明</a>
    </div>
  </div>
</section>
""",
    "partials/document-list.html": """
{{- if . }}
<ul class="gk-list">
  {{- range . }}
  <li class="gk-list__item">
    <a class="gk-list__link" href="{{ .RelPermalink }}">{{ .Title }}</a>
    <span class="gk-list__meta">{{ with .Params.doc_no }}<span class="gk-list__number">{{ . }}</span>{{ end }}<time class="gk-list__date" datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.validity }}{{ if ne . "现行有效" }}<span class="gk-badge gk-badge--warning">{{ . }}</span>{{ end }}{{ end }}</span>
  </li>
  {{- end }}
</ul>
{{- end }}
""",
    "partials/pagination.html": """
{{- $p := . }}
{{- if gt $p.TotalPages 1 }}
<nav class="gk-pagination" aria-label="分页">
  <p class="gk-pagination__summary">第 {{ $p.PageNumber }} 页，共 {{ $p.TotalPages }} 页</p>
  <ul class="gk-pagination__list">
    {{- with $p.Prev }}
    <li><a class="gk-pagination__link" href="{{ .URL }}" rel="prev">上一页</a></li>
    {{- end }}
    {{- $low := sub $p.PageNumber 2 }}{{ $high := add $p.PageNumber 2 }}
    {{- $numbers := slice 1 }}
    {{- $from := cond (gt $low 2) $low 2 }}{{ $to := cond (lt $high $p.TotalPages) $high (sub $p.TotalPages 1) }}
    {{- if le $from $to }}{{ range seq $from $to }}{{ $numbers = $numbers | append . }}{{ end }}{{ end }}
    {{- $numbers = $numbers | append $p.TotalPages }}
    {{- $last := 0 }}
    {{- range $numbers }}
    {{- if gt . (add $last 1) }}
    <li class="gk-pagination__gap" aria-hidden="true">…</li>
    {{- end }}
    {{- if eq . $p.PageNumber }}
    <li><span class="gk-pagination__current" aria-current="page">第 {{ . }} 页</span></li>
    {{- else }}
    <li><a class="gk-pagination__link" href="{{ (index $p.Pagers (sub . 1)).URL }}" aria-label="第 {{ . }} 页">{{ . }}</a></li>
    {{- end }}
    {{- $last = . }}
    {{- end }}
    {{- with $p.Next }}
    <li><a class="gk-pagination__link" href="{{ .URL }}" rel="next">下一页</a></li>
    {{- end }}
  </ul>
</nav>
{{- end }}
""",
    "_default/single.html": """
{{ define "main" }}
<article class="gk-document">
  <h1 class="gk-document__title">{{ .Title }}</h1>
  {{- with .Params.validity }}{{ if ne . "现行有效" }}
  <div class="gk-notice gk-notice--warning" role="note">
    <p class="gk-notice__text"><strong>{{ if eq . "已修改" }}本文件已修改。{{ if not $.Params.replaced_by }}部分内容已不再适用。{{ end }}{{ else if eq . "已废止" }}本文件已废止，不再执行。{{ else }}本文件已失效，不再执行。{{ with $.Params.valid_until }}有效期至{{ time.Format "2006年1月2日" . }}。{{ end }}{{ end }}{{ with $.Params.replaced_by }}请以新版本为准。{{ end }}</strong></p>
    {{- with $.Params.replaced_by }}
    <ul class="gk-notice__links">{{ range . }}{{ with site.GetPage . }}<li>新版本：<a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>
    {{- end }}
  </div>
  {{- end }}{{ end }}
  <table class="gk-metadata">
    <caption class="gk-metadata__caption">文件信息</caption>
    <tbody>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">索引号</th><td class="gk-metadata__value">{{ .Params.index_no | default "无" }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">发文机关</th><td class="gk-metadata__value">{{ .Params.issuer | default "无" }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">文号</th><td class="gk-metadata__value">{{ .Params.doc_no | default "无" }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">成文日期</th><td class="gk-metadata__value">{{ with .Params.written }}{{ time.Format "2006年1月2日" . }}{{ else }}无{{ end }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">发布日期</th><td class="gk-metadata__value">{{ .Date.Format "2006年1月2日" }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">主题分类</th><td class="gk-metadata__value">{{ .Params.topic | default "无" }}</td></tr>
      <tr class="gk-metadata__row"><th class="gk-metadata__label" scope="row">有效性</th><td class="gk-metadata__value">{{ .Params.validity | default "无" }}</td></tr>
    </tbody>
  </table>
  <div class="gk-document__body">
{{ .Content }}
  </div>
  {{- range slice (slice "解读对象" .Params.interprets) (slice "相关解读" .Params.interpreted_by) (slice "新版本（替代本文件）" .Params.replaced_by) (slice "旧版本（被本文件替代）" .Params.replaces) }}
  {{- $title := index . 0 }}
  {{- with index . 1 }}
  <section class="gk-document__section">
    <h2>{{ $title }}</h2>
    {{- $pages := slice }}
    {{- range . }}{{ with site.GetPage . }}{{ $pages = $pages | append . }}{{ end }}{{ end }}
    {{ partial "document-list.html" $pages }}
  </section>
  {{- end }}
  {{- end }}
  <p class="gk-document__column">所属栏目：<a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a></p>
  <p class="gk-qr__caption"><span class="gk-qr__url">本页网址：{{ .Permalink }}</span></p>
</article>
{{ end }}
""",
    "_default/list.html": """
{{ define "main" }}
{{- $pager := .Paginate .RegularPagesRecursive }}
<h1 class="gk-page-title">{{ .Title }}{{ if gt $pager.PageNumber 1 }}（第{{ $pager.PageNumber }}页）{{ end }}</h1>
{{- with .Sections }}
<nav class="gk-subcolumns" aria-label="下级栏目">
  <ul class="gk-subcolumns__list">
    {{ range . }}<li class="gk-subcolumns__item"><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="gk-subcolumns__count">（{{ len .RegularPagesRecursive }} 篇）</span></li>{{ end }}
  </ul>
</nav>
{{- end }}
<p class="gk-count">共 {{ $pager.TotalNumberOfElements }} 篇，按发布日期从新到旧排列。</p>
{{ partial "document-list.html" $pager.Pages }}
{{- if not $pager.Pages }}<p class="gk-empty">本栏目暂无信息。</p>{{ end }}
{{ partial "pagination.html" $pager }}
<p class="gk-feed"><a href="{{ with .OutputFormats.Get "rss" }}{{ .RelPermalink }}{{ end }}">订阅本栏目更新（Atom 格式）</a></p>
{{ end }}
""",
    "_default/list.rss.xml": """
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
{{- $self := (.OutputFormats.Get "rss").Permalink }}
{{- $pages := first 50 .RegularPagesRecursive }}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>{{ .Title }} - {{ site.Title }}</title>
  <id>{{ $self }}</id>
  <link rel="self" type="application/atom+xml" href="{{ $self }}"/>
  <link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
  <updated>{{ with index $pages 0 }}{{ .Date.Format "2006-01-02T15:04:05-07:00" }}{{ end }}</updated>
  <author><name>{{ site.Params.host }}</name></author>
  <generator>Hugo</generator>
  {{- range $pages }}
  <entry>
    <title>{{ .Title }}</title>
    <link rel="alternate" type="text/html" href="{{ .Permalink }}"/>
    <id>{{ .Permalink }}</id>
    <published>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</published>
    <updated>{{ .Date.Format "2006-01-02T15:04:05-07:00" }}</updated>
    <summary>{{ with .Params.issuer }}发文机关：{{ . }}；{{ end }}{{ with .Params.doc_no }}文号：{{ . }}；{{ end }}发布日期：{{ .Date.Format "2006年1月2日" }}{{ with .Params.validity }}；有效性：{{ . }}{{ end }}</summary>
  </entry>
  {{- end }}
</feed>
""",
    "index.html": """
{{ define "main" }}
<h1 class="gk-page-title">{{ site.Title }}</h1>
{{- with .Site.GetPage "/bm" }}{{ with index .RegularPagesRecursive 0 }}
<p class="gk-lead">最近更新：{{ .Date.Format "2006年1月2日" }}</p>
{{- end }}{{ end }}
<div class="gk-home">
  {{- range site.Params.homeSections }}{{ with site.GetPage . }}
  {{- $pages := .RegularPagesRecursive }}
  <section class="gk-home__section">
    <h2 class="gk-home__heading"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
    {{ partial "document-list.html" (first 6 $pages) }}
    {{- if $pages }}
    <p class="gk-more"><a href="{{ .RelPermalink }}">{{ .Title }}：查看全部 {{ len $pages }} 篇</a></p>
    {{- else }}
    <p class="gk-empty">本栏目暂无信息。</p>
    {{- end }}
  </section>
  {{- end }}{{ end }}
</div>
{{ end }}
""",
    "_default/columns.html": """
{{ define "main" }}
<h1 class="gk-page-title">{{ .Title }}</h1>
<p class="gk-lead">本站全部栏目。括号中是栏目（含下级栏目）已发布的文件数。</p>
<ul class="gk-tree">
  <li class="gk-tree__item"><a href="/">首页</a>
    {{ partial "column-tree.html" site.Sections }}
  </li>
</ul>
{{ end }}
""",
    "partials/column-tree.html": """
{{- if . }}
<ul class="gk-tree">
  {{- range . }}
  <li class="gk-tree__item"><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="gk-tree__count">（{{ len .RegularPagesRecursive }} 篇）</span>
    {{ partial "column-tree.html" .Sections }}
  </li>
  {{- end }}
</ul>
{{- end }}
""",
    "_default/plain.html": """
{{ define "main" }}
<h1 class="gk-page-title">{{ .Title }}</h1>
{{ .Content }}
{{ end }}
""",
    "404.html": """
{{ define "main" }}
<h1 class="gk-page-title">页面不存在</h1>
<p>您访问的页面不存在或已被删除。请从<a href="/">网站首页</a>或<a href="/sitemap.html">网站地图</a>查找。</p>
{{ end }}
""",
    "_default/_markup/render-link.html": """
{{- $dest := .Destination -}}
{{- if and (not (strings.Contains $dest ":")) (strings.HasSuffix $dest ".md") -}}
{{- $target := strings.TrimSuffix ".md" (path.Join "/" .Page.File.Dir $dest) -}}
{{- with site.GetPage $target -}}{{- $dest = .RelPermalink -}}{{- else -}}{{- errorf "%s: link %q leads nowhere" $.Page.File.Path $dest -}}{{- end -}}
{{- end -}}
<a href="{{ $dest | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /* no trailing newline */ -}}
""",
}

if __name__ == "__main__":
    main()
