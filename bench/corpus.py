#!/usr/bin/env python3
"""Generates a Gongkai content/ folder of N Chinese documents for benchmarks.

The text is cut from the demo portal's real work plans (content/plans/*.yml: the prefaces,
section and task titles, task texts, lead units, targets and deadlines of nine provincial,
city and county plans) and recombined sentence by sentence, so every body is different while
the Chinese, the vocabulary and the sentence lengths are those of real government documents.

What the corpus looks like (chosen to resemble a department portal, not to favour one
generator):
- site.yml: 部门信息公开 → 5 departments → 8 columns each (40 leaf columns), 20 per page;
  the 5 departments are on the home page (首页: 是).
- Documents are spread unevenly: 工作动态 and 通知公告 get most, 规划计划 few; the first
  departments are busier than the last.
- 发布日期 from 2015 to 2025 (more in recent years, all before 2026-01-01 so every document is
  published with --as-of 2026-01-01), three quarters of them with a time of day; 成文日期 a few
  days earlier. 文号 are unique per issuer and year; news, 解读 and budget pages have none.
- Each column has its own kind of title and body: notices with 一、二、 headings, bold task
  heads, bullet lists of targets and task-division tables; plans; 政策解读 with a numbered list
  and a link to the document they interpret (../zcwj/doc-….md, rewritten by Gongkai); news;
  recruitment notices with tables; budgets with tables of amounts. Some bodies link to
  www.gov.cn. Bodies range from a few hundred to several thousand characters.
- Relations: every 政策解读 names an earlier 政策文件 of its department (解读对象), and about
  6% of 政策文件 replace an earlier one (替代), which is then 已修改 or 已废止 (with 有效期至);
  7% of the documents with 有效性 are 失效, with 有效期至.

The output is deterministic for a given N and seed (the seed defaults to N).

Usage: bench/corpus.py N OUTPUT_DIR [--seed S]
"""
import argparse
import bisect
import datetime
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (path, column title, 更新类别, weight, document type, share with 文号, has 有效性)
COLUMNS = [
    ("zcwj", "政策文件", "政策文件", 12, None, 1.0, True),
    ("zcjd", "政策解读", "政策文件", 8, "政策解读", 0.0, False),
    ("tzgg", "通知公告", "通知公告", 20, "通知公告", 0.6, True),
    ("ghjh", "规划计划", "规划计划", 4, "规划计划", 0.7, True),
    ("gzdt", "工作动态", "动态要闻", 30, None, 0.0, False),
    ("rsxx", "人事信息", "人事", 10, None, 0.3, False),
    ("czxx", "财政信息", "不定期", 8, None, 0.0, False),
    ("zdly", "重点领域", "通知公告", 8, None, 0.3, True),
]
# (path, column title, issuer, short name, 文号 prefix, weight, own topics)
DEPARTMENTS = [
    ("sfgw", "发展改革", "湖南省发展和改革委员会", "省发展改革委", "湘发改", 30,
     ["国民经济管理、国有资产监管\\发展规划", "国民经济管理、国有资产监管\\经济运行", "商贸、海关、旅游\\国内贸易（含供销）"]),
    ("sczt", "财政", "湖南省财政厅", "省财政厅", "湘财", 25,
     ["财政、金融、审计\\财政", "财政、金融、审计\\税务", "财政、金融、审计\\审计"]),
    ("sjyt", "教育", "湖南省教育厅", "省教育厅", "湘教发", 20,
     ["科技、教育\\教育", "科技、教育\\科技", "文化、广电、新闻出版\\文化"]),
    ("swjw", "卫生健康", "湖南省卫生健康委员会", "省卫生健康委", "湘卫", 15,
     ["卫生、体育\\卫生", "卫生、体育\\医药管理", "民政、扶贫、救灾\\社会福利"]),
    ("srst", "人力资源和社会保障", "湖南省人力资源和社会保障厅", "省人力资源社会保障厅", "湘人社发", 10,
     ["劳动、人事、监察\\劳动就业", "劳动、人事、监察\\社会保障", "劳动、人事、监察\\人事工作"]),
]
PROVINCE = [("湖南省人民政府", "湘政发"), ("湖南省人民政府办公厅", "湘政办发")]
COMMON_TOPICS = ["综合政务\\政务公开", "综合政务\\政务督查", "综合政务\\应急管理", "城乡建设、环境保护\\节能与资源综合利用",
                 "农业、林业、水利\\农业、畜牧业、渔业", "工业、交通\\信息产业（含电信）"]
TAGS = ["政务公开", "放管服", "营商环境", "数字政府", "乡村振兴", "民生实事", "一件事一次办", "湘易办", "安全生产", "预算管理",
        "就业创业", "基层治理"]
SALUTATIONS = ["各市州人民政府，省政府各厅委、各直属机构：", "各市州、县市区人民政府，省直有关单位：",
               "各市州{short}主管部门，{short}直属各单位：", "各市州、县市区{column}主管部门：", "机关各处室，直属各单位："]
REGIONS = ["长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市", "益阳市", "郴州市", "永州市",
           "怀化市", "娄底市", "湘西土家族苗族自治州"]
POSTS = ["综合管理", "财务会计", "信息技术", "政策研究", "法律事务", "统计分析", "项目管理", "档案管理", "临床医学", "公共卫生",
         "中小学教师", "职业技能培训"]
DEGREES = ["大学本科及以上", "硕士研究生及以上", "大专及以上"]
BUDGET_ITEMS = ["一般公共服务支出", "教育支出", "科学技术支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
                "农林水支出", "住房保障支出", "其他支出"]
DIGITS = "〇一二三四五六七八九"
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]


class Sources:
    """Texts of the demo portal's work plans, in pieces."""

    def __init__(self):
        self.sentences, self.task_titles, self.section_titles = [], [], []
        self.prefaces, self.units, self.targets, self.deadlines, self.plan_titles = [], [], [], [], []
        for path in sorted((ROOT / "content/plans").glob("*.yml")):
            in_targets = False
            for line in path.read_text(encoding="utf-8").splitlines():
                if in_targets and line.startswith("    - "):
                    self.targets.append(clean(line[6:]))
                    continue
                in_targets = False
                key, _, value = line.strip().lstrip("- ").partition(": ")
                indent = len(line) - len(line.lstrip(" -"))
                if line.startswith("标题: "):
                    self.plan_titles.append(clean(value))
                elif line.startswith("序言: "):
                    self.prefaces.append(clean(value))
                elif key == "标题" and indent == 2:
                    self.section_titles.append(clean(value))
                elif key == "标题" and indent == 4:
                    self.task_titles.append(clean(value))
                elif key == "内容":
                    self.sentences += [s + "。" for s in re.split("[。；]", clean(value)) if len(s) >= 12]
                elif key in ("牵头单位", "配合单位") and value.startswith("["):
                    self.units += [clean(u) for u in value.strip("[]").split(", ")]
                elif key == "文字":
                    self.deadlines.append(clean(value))
                elif line.strip() == "目标:":
                    in_targets = True
                elif key == "目标" and value.startswith("["):
                    self.targets += [clean(t) for t in value.strip("[]").split(", ")]
        for name in ("sentences", "task_titles", "section_titles", "units", "targets", "deadlines"):
            setattr(self, name, sorted(set(getattr(self, name))))


def clean(text):
    """One line of text that is safe in YAML and Markdown whatever it is put next to."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text.replace(": ", "：").replace("#", "").replace("*", "").replace("|", "、").replace("[", "（").replace("]", "）")


def chinese_date(date):
    return f"{date.year}年{date.month}月{date.day}日"


def chinese_year(year):
    return "".join(DIGITS[int(d)] for d in str(year))


class Document:
    __slots__ = ("number", "dept", "kind", "path", "published", "has_time", "written", "issuer", "doc_no",
                 "topic", "validity", "valid_until", "doc_type", "tags", "title", "interprets", "replaces", "seed")

    @property
    def column(self):
        return f"bm/{DEPARTMENTS[self.dept][0]}/{COLUMNS[self.kind][0]}"

    @property
    def id(self):
        return f"{self.column}/doc-{self.number:06d}"


def plan_documents(count, rng):
    """The metadata of every document, relations included; bodies are made when written."""
    years = list(range(2015, 2026))
    year_weights = [y - 2013 for y in years]
    dept_weights = [d[5] for d in DEPARTMENTS]
    kind_weights = [c[3] for c in COLUMNS]
    serials = {}
    docs = []
    for i in range(count):
        d = Document()
        d.number = i + 1
        d.seed = rng.getrandbits(64)
        d.dept = rng.choices(range(len(DEPARTMENTS)), dept_weights)[0]
        d.kind = rng.choices(range(len(COLUMNS)), kind_weights)[0]
        slug, _, _, _, doc_type, numbered, has_validity = COLUMNS[d.kind]
        dept = DEPARTMENTS[d.dept]
        year = rng.choices(years, year_weights)[0]
        day = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        d.has_time = rng.random() < 0.75
        d.published = datetime.datetime.combine(day, datetime.time(rng.randrange(8, 19), rng.randrange(60)) if d.has_time
                                                else datetime.time())
        d.written = None if slug == "gzdt" else day - datetime.timedelta(days=rng.randrange(15))
        d.issuer, prefix = (dept[2], dept[4])
        if slug == "zcwj" and rng.random() < 0.2:
            d.issuer, prefix = rng.choice(PROVINCE)
        d.doc_no = None
        if rng.random() < numbered:
            written_year = (d.written or day).year
            serial = serials[(prefix, written_year)] = serials.get((prefix, written_year), 0) + 1
            d.doc_no = f"{prefix}〔{written_year}〕{serial}号"
        d.topic = rng.choice(dept[6]) if rng.random() < 0.7 else rng.choice(COMMON_TOPICS)
        d.validity = ("现行有效" if rng.random() < 0.93 else "失效") if has_validity else None
        d.valid_until = None
        if d.validity == "失效":
            d.valid_until = min(day + datetime.timedelta(days=rng.randrange(180, 5 * 365)), datetime.date(2025, 12, 31))
        d.doc_type = doc_type or ("规范性文件" if slug == "zcwj" and rng.random() < 0.4 else None)
        d.tags = rng.sample(TAGS, rng.randrange(1, 4))
        d.interprets = d.replaces = None
        docs.append(d)
    # Titles need the sources, relations need every document's date.
    return docs


def make_titles_and_relations(docs, sources, rng):
    policies = {}  # department -> published-sorted list of (published, number) of 政策文件
    for d in docs:
        if COLUMNS[d.kind][0] == "zcwj":
            policies.setdefault(d.dept, []).append((d.published, d.number))
    for entries in policies.values():
        entries.sort()
    replaced = set()
    for d in docs:
        slug = COLUMNS[d.kind][0]
        dept = DEPARTMENTS[d.dept]
        year = d.published.year
        task = rng.choice(sources.task_titles)
        if slug == "zcwj":
            d.title = rng.choice([f"{d.issuer}关于{task}的通知", f"{d.issuer}关于{task}的实施意见",
                                  f"关于印发《{task}实施方案》的通知", f"关于印发《{dept[1]}领域{task}若干措施》的通知",
                                  f"{d.issuer}关于进一步{task}的指导意见"])
        elif slug == "tzgg":
            d.title = rng.choice([f"关于{task}的通知", f"关于开展{year}年{task}工作的通知", f"关于{task}有关事项的公告",
                                  f"{dept[3]}关于{task}工作情况的通报"])
        elif slug == "ghjh":
            d.title = rng.choice([f"{dept[2]}{year}年工作要点", f"{dept[2]}{year}年政务公开工作要点",
                                  f"{dept[1]}事业发展“十四五”规划", f"{dept[2]}{year}年{task}工作计划",
                                  f"关于印发《{rng.choice(sources.plan_titles)}》的通知"])
        elif slug == "gzdt":
            d.title = rng.choice([f"{dept[3]}召开{task}工作推进会", f"{dept[3]}部署{year}年{task}工作",
                                  f"{dept[3]}赴{rng.choice(REGIONS)}调研{task}工作", f"{rng.choice(REGIONS)}扎实推进{task}",
                                  f"{dept[3]}主要负责同志专题研究{task}"])
        elif slug == "rsxx":
            d.title = rng.choice([f"{dept[2]}{year}年公开招聘事业单位工作人员公告",
                                  f"{dept[2]}关于{rng.randrange(2, 9)}名拟任职干部的任前公示",
                                  f"{dept[2]}{year}年公开遴选公务员拟遴选人员名单公示",
                                  f"{dept[2]}直属事业单位{year}年公开招聘拟聘用人员公示"])
        elif slug == "czxx":
            d.title = rng.choice([f"{dept[2]}{year}年部门预算公开", f"{dept[2]}{year - 1}年度部门决算公开",
                                  f"{dept[2]}{year}年“三公”经费预算情况说明", f"{dept[2]}{year - 1}年度整体支出绩效自评报告"])
        elif slug == "zdly":
            d.title = rng.choice([f"关于{task}情况的公示", f"{dept[3]}{year}年{task}情况公开",
                                  f"{year}年{dept[1]}领域{task}信息公开"])
        else:  # zcjd, titled after the document it interprets below
            d.title = f"{dept[3]}{task}政策解读"
    by_number = {d.number: d for d in docs}
    for d in docs:
        slug = COLUMNS[d.kind][0]
        entries = policies.get(d.dept, [])
        earlier = bisect.bisect_left(entries, (d.published, d.number))
        if slug == "zcjd" and earlier:
            target = by_number[entries[rng.randrange(earlier)][1]]
            d.interprets = target.id
            core = re.sub("^(.*关于|关于印发)", "", target.title).strip("《》")
            d.title = rng.choice([f"《{core}》政策解读", f"一图读懂《{core}》", f"解读：{core}",
                                  f"{DEPARTMENTS[d.dept][3]}有关负责人就《{core}》答记者问"])
        elif slug == "zcwj" and earlier and rng.random() < 0.06:
            target = by_number[entries[rng.randrange(earlier)][1]]
            if target.id not in replaced:
                replaced.add(target.id)
                d.replaces = target.id
                target.validity = rng.choice(["已修改", "已废止"])
                if target.validity == "已废止":
                    target.valid_until = max(d.published.date() - datetime.timedelta(days=1), target.published.date())


# Bodies ---------------------------------------------------------------------------------------

def paragraph(rng, sources, low, high):
    return "".join(rng.choice(sources.sentences) for _ in range(rng.randrange(low, high + 1)))


def sections(rng, sources, count, tasks_low, tasks_high, style):
    parts, task_number = [], 0
    for s in range(count):
        parts.append(f"## {ORDINALS[s % len(ORDINALS)]}、{rng.choice(sources.section_titles)}")
        for _ in range(rng.randrange(tasks_low, tasks_high + 1)):
            title = rng.choice(sources.task_titles)
            text = paragraph(rng, sources, 1, 4)
            if style == "bold":
                parts.append(f"**（{ORDINALS[task_number % len(ORDINALS)]}）{title}。**{text}")
            else:
                parts.append(f"### （{ORDINALS[task_number % len(ORDINALS)]}）{title}")
                parts.append(text)
            task_number += 1
            roll = rng.random()
            if roll < 0.2:
                parts.append("\n".join(f"- {t}" for t in rng.sample(sources.targets, rng.randrange(2, 5))))
            elif roll < 0.3:
                parts.append(paragraph(rng, sources, 1, 3))
    return parts


def division_table(rng, sources, rows):
    lines = ["| 序号 | 重点任务 | 牵头单位 | 完成时限 |", "|---|---|---|---|"]
    for n in range(rows):
        units = "、".join(rng.sample(sources.units, rng.randrange(1, 3)))
        lines.append(f"| {n + 1} | {rng.choice(sources.task_titles)} | {units} | {rng.choice(sources.deadlines)} |")
    return "\n".join(lines)


def signature(d):
    return [d.issuer, chinese_date(d.written or d.published.date())]


def body(d, sources, by_id):
    rng = random.Random(d.seed)
    slug = COLUMNS[d.kind][0]
    dept = DEPARTMENTS[d.dept]
    salutation = rng.choice(SALUTATIONS).format(short=dept[3].removeprefix("省"), column=dept[1])
    parts = []
    if slug in ("zcwj", "tzgg"):
        parts.append(salutation)
        parts.append(rng.choice(sources.prefaces) + "现将有关事项通知如下。")
        parts += sections(rng, sources, rng.randrange(1, 6) if slug == "zcwj" else rng.randrange(1, 3),
                          1, 4, rng.choice(["bold", "heading"]))
        if rng.random() < 0.25:
            parts.append(division_table(rng, sources, rng.randrange(3, 12)))
        if rng.random() < 0.15:
            parts.append("国务院有关政策文件详见[中国政府网](https://www.gov.cn/zhengce/)。")
        parts += signature(d)
    elif slug == "ghjh":
        parts.append(rng.choice(sources.prefaces))
        parts += sections(rng, sources, rng.randrange(3, 7), 2, 6, "bold")
        if rng.random() < 0.5:
            parts.append("## 附：重点任务分工表")
            parts.append(division_table(rng, sources, rng.randrange(5, 20)))
    elif slug == "zcjd":
        target = by_id.get(d.interprets)
        parts.append("## 一、起草背景")
        parts.append(rng.choice(sources.prefaces))
        parts.append("## 二、主要内容")
        parts.append("\n".join(f"{n + 1}. **{rng.choice(sources.task_titles)}**：{paragraph(rng, sources, 1, 2)}"
                               for n in range(rng.randrange(3, 8))))
        parts.append("## 三、主要特点")
        parts += [paragraph(rng, sources, 2, 4) for _ in range(rng.randrange(1, 3))]
        if target:
            parts.append(f"原文链接：[{target.title}](../zcwj/doc-{target.number:06d}.md)")
    elif slug == "gzdt":
        date = d.published.date()
        parts.append(f"{date.month}月{date.day}日，{dept[3]}召开专题会议，研究部署{rng.choice(sources.task_titles)}工作。"
                     + paragraph(rng, sources, 1, 3))
        parts += [paragraph(rng, sources, 2, 5) for _ in range(rng.randrange(2, 7))]
        if rng.random() < 0.3:
            parts.append("会议要求：")
            parts.append("\n".join(f"{n + 1}. {rng.choice(sources.sentences)}" for n in range(rng.randrange(3, 6))))
    elif slug == "rsxx" and "任前公示" in d.title:
        parts.append(f"根据《党政领导干部选拔任用工作条例》有关规定，经{dept[2]}党组研究，拟任用以下同志，现予以公示。")
        lines = ["| 姓名 | 性别 | 出生年月 | 现任职务 | 拟任职务 |", "|---|---|---|---|---|"]
        for _ in range(int(re.search(r"(\d+)名", d.title).group(1))):
            lines.append(f"| {rng.choice('王李张刘陈杨黄赵周吴')}某某 | {rng.choice('男女')} | "
                         f"{rng.randrange(1970, 1992)}年{rng.randrange(1, 13)}月 | {rng.choice(POSTS)}处副处长 | "
                         f"{rng.choice(POSTS)}处处长 |")
        parts.append("\n".join(lines))
        parts.append(f"公示期间，对公示对象有异议的，可以通过来信、来电、来访等方式向{dept[2]}机关党委反映。"
                     f"联系电话：0731-8{rng.randrange(1000000, 9999999)}。")
        parts += signature(d)
    elif slug == "rsxx":
        year = d.published.year
        parts.append(f"根据《事业单位人事管理条例》和《事业单位公开招聘人员暂行规定》有关规定，经研究，{dept[2]}{year}年"
                     "面向社会公开招聘工作人员。现将有关事项公告如下。")
        parts.append("## 一、招聘岗位")
        lines = ["| 岗位名称 | 招聘人数 | 学历要求 | 专业要求 |", "|---|---|---|---|"]
        for _ in range(rng.randrange(2, 10)):
            lines.append(f"| {rng.choice(POSTS)} | {rng.randrange(1, 6)} | {rng.choice(DEGREES)} | "
                         f"{rng.choice(POSTS)}相关专业 |")
        parts.append("\n".join(lines))
        parts.append("## 二、报名条件")
        parts.append("\n".join(f"- {paragraph(rng, sources, 1, 1)}" for _ in range(rng.randrange(3, 6))))
        parts.append("## 三、报名时间和方式")
        parts.append(f"报名时间为{year}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日至"
                     f"{rng.randrange(1, 29)}日，逾期不予受理。咨询电话：0731-8{rng.randrange(1000000, 9999999)}。")
    elif slug == "czxx":
        parts.append("## 一、部门主要职责")
        parts += [paragraph(rng, sources, 2, 4) for _ in range(rng.randrange(1, 3))]
        parts.append("## 二、收支预算总体情况")
        lines = ["| 支出功能分类 | 预算数（万元） | 上年数（万元） |", "|---|---:|---:|"]
        for item in rng.sample(BUDGET_ITEMS, rng.randrange(4, len(BUDGET_ITEMS) + 1)):
            lines.append(f"| {item} | {rng.randrange(100, 900000) / 100:.2f} | {rng.randrange(100, 900000) / 100:.2f} |")
        parts.append("\n".join(lines))
        parts.append("## 三、“三公”经费预算情况说明")
        parts.append(paragraph(rng, sources, 2, 4))
    else:  # zdly
        parts.append(paragraph(rng, sources, 2, 5))
        parts += sections(rng, sources, rng.randrange(1, 4), 1, 3, "heading")
    return "\n\n".join(parts) + "\n"


def front_matter(d):
    fields = [("标题", d.title), ("发文机关", d.issuer), ("文号", d.doc_no),
              ("成文日期", d.written.isoformat() if d.written else None),
              ("发布日期", d.published.strftime("%Y-%m-%d %H:%M") if d.has_time else d.published.date().isoformat()),
              ("主题分类", d.topic), ("文件类型", d.doc_type), ("有效性", d.validity),
              ("有效期至", d.valid_until.isoformat() if d.valid_until else None),
              ("解读对象", d.interprets), ("替代", d.replaces), ("标签", "[" + ", ".join(d.tags) + "]")]
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields if value) + "---\n"


def site_yml():
    lines = ["网站名称: 基准测试门户", "网址: https://bench.example/", "主办单位: 基准测试",
             '网站标识码: "4300000000"', "每页条数: 20", "栏目:", "  - 标题: 部门信息公开", "    路径: bm", "    子栏目:"]
    for dept in DEPARTMENTS:
        lines += [f"      - 标题: {dept[1]}", f"        路径: {dept[0]}", "        首页: 是", "        子栏目:"]
        for slug, title, update, *_ in COLUMNS:
            lines += [f"          - 标题: {title}", f"            路径: {slug}", f"            更新类别: {update}"]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Generates a benchmark corpus of N documents.")
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, help="random seed (default: N)")
    args = parser.parse_args()
    rng = random.Random(args.count if args.seed is None else args.seed)
    sources = Sources()
    docs = plan_documents(args.count, rng)
    make_titles_and_relations(docs, sources, rng)
    by_id = {d.id: d for d in docs}
    out = args.output
    out.mkdir(parents=True, exist_ok=True)
    (out / "site.yml").write_text(site_yml(), encoding="utf-8")
    for dept in DEPARTMENTS:
        for column in COLUMNS:
            (out / "bm" / dept[0] / column[0]).mkdir(parents=True, exist_ok=True)
    for d in docs:
        (out / f"{d.id}.md").write_text(front_matter(d) + body(d, sources, by_id), encoding="utf-8")


if __name__ == "__main__":
    main()
