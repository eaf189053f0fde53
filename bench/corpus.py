#!/usr/bin/env python3
"""Generates a Gongkai content/ folder of N Chinese documents for benchmarks.

Bodies are cut from the demo portal's real notices (content/…/ghjh/*.md), so the Markdown,
the Chinese text and the document sizes are those of real government documents. The output
is deterministic for a given N.

Usage: bench/corpus.py N OUTPUT_DIR
"""
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ISSUERS = ["湖南省人民政府办公厅", "长沙市人民政府", "张家界市人民政府办公室", "邵阳市人民政府",
           "益阳市赫山区人民政府", "长沙市开福区人民政府", "湖南省发展和改革委员会", "湖南省财政厅"]
PREFIXES = ["湘政发", "湘政办发", "长政发", "张政办发", "邵政发", "益赫政发", "开政发", "湘发改"]
TOPICS = ["综合政务\\政务公开", "财政、金融、审计", "城乡建设、环境保护", "卫生、体育", "劳动、人事、监察"]
VALIDITY = ["现行有效"] * 8 + ["已修改", "已废止"]
COLUMNS = [("zcwj", "政策文件", "政策文件"), ("zcjd", "政策解读", "政策文件"), ("tzgg", "通知公告", "通知公告"),
           ("ghjh", "规划计划", "规划计划"), ("gzdt", "工作动态", "动态要闻"), ("rsxx", "人事信息", "人事"),
           ("czxx", "财政信息", "政策文件"), ("zdly", "重点领域", "政策文件")]
DEPARTMENTS = [("sfgw", "发展改革"), ("sczt", "财政"), ("sjyt", "教育"), ("swjw", "卫生健康"), ("srst", "人力资源和社会保障")]


def paragraphs():
    texts = []
    for path in sorted((ROOT / "content/xxgk/fdzdgknr/ghjh").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        texts += [p for p in body.split("\n\n") if len(p) > 40 and not p.startswith("#")]
    return texts


def main():
    count, out = int(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(count)
    source = paragraphs()
    columns = []
    for dept, dept_title in DEPARTMENTS:
        for slug, title, update in COLUMNS:
            columns.append((f"bm/{dept}/{slug}", dept_title, title, update))
    lines = ["网站名称: 基准测试门户", "网址: https://bench.example/", "主办单位: 基准测试",
             '网站标识码: "4300000000"', "每页条数: 20", "栏目:", "  - 标题: 部门信息公开", "    路径: bm", "    子栏目:"]
    for dept, dept_title in DEPARTMENTS:
        lines += [f"      - 标题: {dept_title}", f"        路径: {dept}", "        子栏目:"]
        for slug, title, update in COLUMNS:
            lines += [f"          - 标题: {title}", f"            路径: {slug}", f"            更新类别: {update}"]
    out.mkdir(parents=True, exist_ok=True)
    (out / "site.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(count):
        column = columns[i % len(columns)][0]
        year = 2015 + rng.randrange(10)
        month, day = rng.randrange(1, 13), rng.randrange(1, 29)
        k = rng.randrange(len(ISSUERS))
        body = "\n\n".join(rng.choice(source) for _ in range(rng.randrange(4, 14)))
        title = rng.choice(source)[4:30].replace(":", "：").strip("，。、 ")
        front = [f"标题: 关于{title}的通知（第{i + 1}号）", f"发文机关: {ISSUERS[k]}",
                 f"文号: {PREFIXES[k]}〔{year}〕{i % 97 + 1}号", f"成文日期: {year}-{month:02d}-{day:02d}",
                 f"发布日期: {year}-{month:02d}-{day:02d}", f"主题分类: {rng.choice(TOPICS)}",
                 f"有效性: {rng.choice(VALIDITY)}", "标签: [政务公开]"]
        folder = out / column
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"doc-{i + 1:06d}.md").write_text("---\n" + "\n".join(front) + "\n---\n" + body + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
