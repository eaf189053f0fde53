import GongkaiModel
import Yams

/// Writes content files in the format the loader reads, with Chinese keys, so that what a
/// command generates is what an editor would have written: plan files and document files.
public enum ContentWriter {
    /// A front matter value: text or a list of texts.
    public enum Value {
        case text(String)
        case list([String])
        /// 附件: one `{标题, 文件}` mapping per attachment.
        case attachments([(title: String, file: String)])
    }

    /// A plan file; `header` lines become comments at the top.
    public static func plan(_ plan: Plan, header: [String]) throws -> String {
        var pairs: [(Node, Node)] = [
            key("标题", plan.title), (Node("年度"), Node(String(plan.year), Tag(.int))),
        ]
        if let issuer = plan.issuer { pairs.append(key("印发机关", issuer)) }
        pairs.append(key("地区", plan.region))
        pairs.append(key("层级", plan.level.rawValue))
        pairs.append(key("类别", plan.kind.rawValue))
        if let notice = plan.notice { pairs.append(key("通知", notice)) }
        if let parent = plan.parent { pairs.append(key("上级要点", parent)) }
        if !plan.preamble.isEmpty { pairs.append(key("序言", plan.preamble)) }
        pairs.append((Node("部分"), Node(plan.sections.map(section))))
        return comments(header) + (try serialize(Node(pairs)))
    }

    /// A Markdown document with front matter, keyed by `FieldSchema.document` keys (`FieldSchema.document.key("doc_no")`);
    /// `comments` go at the top of the front matter.
    public static func document(fields: [(String, Value)], comments lines: [String], body: String) throws -> String {
        let pairs: [(Node, Node)] = fields.map { name, value in
            switch value {
            case .text(let text): return key(name, text)
            case .list(let items): return (Node(name), flowList(items))
            case .attachments(let items):
                return (Node(name), Node(items.map { Node([key("标题", $0.title), key("文件", $0.file)]) }))
            }
        }
        let yaml = try serialize(Node(pairs))
        return "---\n" + comments(lines) + yaml + "---\n" + body + (body.hasSuffix("\n") ? "" : "\n")
    }

    private static func section(_ section: PlanSection) -> Node {
        Node([
            key("序号", section.numberText), key("标题", section.title),
            (Node("任务"), Node(section.items.map(item))),
        ])
    }

    private static func item(_ item: PlanItem) -> Node {
        var pairs: [(Node, Node)] = [key("序号", item.numberText)]
        if let title = item.title { pairs.append(key("标题", title)) }
        if !item.body.isEmpty { pairs.append(key("内容", item.body)) }
        if let assignment = item.assignment { pairs.append(key("分工", assignment)) }
        for (name, units) in [("牵头单位", item.leads), ("配合单位", item.partners), ("责任单位", item.responsible)] where !units.isEmpty {
            pairs.append((Node(name), flowList(units)))
        }
        if !item.deadlines.isEmpty {
            pairs.append((Node("时限"), Node(item.deadlines.map { Node([key("文字", $0.text), key("日期", $0.date.iso)]) })))
        }
        if !item.targets.isEmpty {
            pairs.append((Node("目标"), Node(item.targets.map { Node($0) })))
        }
        if let implements = item.implements { pairs.append((Node("落实上级"), flowList(implements))) }
        if !item.progress.isEmpty {
            pairs.append(
                (
                    Node("进展"),
                    Node(
                        item.progress.map { entry in
                            var fields = [key("日期", entry.date.iso), key("状态", entry.status.rawValue)]
                            if !entry.note.isEmpty { fields.append(key("说明", entry.note)) }
                            if let evidence = entry.evidence { fields.append(key("佐证", evidence)) }
                            return Node(fields)
                        })
                ))
        }
        return Node(pairs)
    }

    private static func key(_ name: String, _ value: String) -> (Node, Node) {
        (Node(name), Node(value))
    }

    private static func flowList(_ items: [String]) -> Node {
        Node(items.map { Node($0) }, Tag(.seq), .flow)
    }

    private static func comments(_ lines: [String]) -> String {
        lines.map { "# \($0)\n" }.joined()
    }

    private static func serialize(_ node: Node) throws -> String {
        try Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true)
    }
}
