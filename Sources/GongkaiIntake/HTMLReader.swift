import CLibXML2
import Foundation
import GongkaiModel

#if canImport(Glibc)
    import Glibc
#endif

/// A saved web page as blocks, parsed with libxml2's HTML parser: the article body is found
/// (by the names government sites give it, else the element holding most of the text),
/// navigation, header and footer are dropped (kept as comments), tables stay tables. Lines
/// of page information before the article (发布时间, 来源) are kept for the importer to read.
enum HTMLReader {
    static let skipped: Set<String> = ["script", "style", "noscript", "iframe", "select", "button", "form", "nav", "header", "footer", "aside", "head", "object", "svg"]
    static let blockNames: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section", "article", "blockquote", "pre", "dt", "dd", "center", "ul", "ol", "dl", "table", "hr", "tbody", "thead",
    ]
    static let furnitureNames = try! NSRegularExpression(
        pattern: "nav|menu|footer|header|breadcrumb|crumb|share|sidebar|copyright|position|location|search|toolbar|banner|bottom|topbar|link|related|xgwz|xgjd", options: .caseInsensitive)
    static let articleNames = try! NSRegularExpression(
        pattern: "article|content|zoom|detail|trs_editor|main-?text|^zw|wzcon|con_?con|pages_content|view|artibody|txt|text|body", options: .caseInsensitive)

    static func read(_ data: Data) throws -> BlockDocument {
        guard !data.isEmpty else { throw IntakeError("网页文件是空的。") }
        let encoding: String? = String(data: data.prefix(4096), encoding: .ascii).flatMap { $0.lowercased().contains("charset") ? nil : "" } ?? nil
        let chosenEncoding = encoding == nil ? nil : (String(validating: [UInt8](data), as: UTF8.self) == nil ? "GB18030" : "UTF-8")
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = data.withUnsafeBytes { buffer in
            htmlReadMemory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "page.html", chosenEncoding, options)
        }
        guard let document else { throw IntakeError("无法解析网页文件。请在浏览器中打开原网页，另存为“网页，仅 HTML”后重新导入。") }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { throw IntakeError("网页中没有内容。") }
        var walker = Walker()
        let body = find(root, "body") ?? root
        let article = chooseArticle(body)
        guard let article, hanCount(article) >= 20 else {
            throw IntakeError("网页中没有找到正文（文章部分不到 20 个汉字）。请确认保存的是通知本身的页面，而不是栏目列表页；也可以把正文复制到 .txt 文件中导入。")
        }
        // The page's title and information lines outside the article.
        var before: [String] = []
        var dropped: [String] = []
        collectOutside(body, article: article, before: &before, dropped: &dropped, seenArticle: false)
        let title = find(root, "title").map(text)?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let h1 = find(body, "h1").map(text)?.trimmingCharacters(in: .whitespacesAndNewlines)
        let articleText = text(article)
        for line in before where isPageInformation(line) || (line == h1 && !articleText.contains(line)) {
            walker.paragraph(line)
        }
        if let h1, h1.isEmpty == false, !articleText.contains(TextCleaner.squeezed(h1)), !before.contains(h1) { walker.paragraph(h1) }
        if walker.blocks.isEmpty, !title.isEmpty, !articleText.contains(title) { walker.paragraph(title) }
        walker.walk(article)
        walker.flush()
        let kept = (before.filter { !isPageInformation($0) } + dropped).enumerated().map { KeptLine(line: 0, text: $0.element, role: "网页导航或页脚") }
        var result = BlockDocument(blocks: walker.blocks, dropped: kept.filter { !$0.text.isEmpty }, unit: "段")
        result.links = links(body)
        return result
    }

    /// Every link of the page with its text (attachment links are often outside the article).
    static func links(_ root: xmlNodePtr) -> [SourceLink] {
        var found: [SourceLink] = []
        func visit(_ node: xmlNodePtr, depth: Int) {
            guard node.pointee.type == XML_ELEMENT_NODE, depth < 200, found.count < 500 else { return }
            if name(node) == "a" {
                let href = attribute(node, "href").trimmingCharacters(in: .whitespacesAndNewlines)
                if !href.isEmpty, !href.hasPrefix("#") {
                    found.append(SourceLink(text: text(node).trimmingCharacters(in: .whitespacesAndNewlines), target: href.removingPercentEncoding ?? href))
                }
                return
            }
            for child in children(node) { visit(child, depth: depth + 1) }
        }
        visit(root, depth: 0)
        return found
    }

    static func isPageInformation(_ line: String) -> Bool {
        line.contains(/(发布|发文|成文)?(时间|日期)\s*[:：]|来源\s*[:：]|文\s*号\s*[:：]|发文机关\s*[:：]|发布机构\s*[:：]|索引号\s*[:：]/)
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ key: String) -> String {
        guard let value = xmlGetProp(node, key) else { return "" }
        defer { free(value) }
        return String(cString: value)
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            result.append(current)
            child = current.pointee.next
        }
        return result
    }

    static func find(_ node: xmlNodePtr, _ wanted: String) -> xmlNodePtr? {
        if node.pointee.type == XML_ELEMENT_NODE, name(node) == wanted { return node }
        for child in children(node) where child.pointee.type == XML_ELEMENT_NODE {
            if let found = find(child, wanted) { return found }
        }
        return nil
    }

    static func isFurniture(_ node: xmlNodePtr) -> Bool {
        let element = name(node)
        if skipped.contains(element) { return true }
        let names = attribute(node, "class") + " " + attribute(node, "id")
        guard names.count > 1 else { return false }
        let ns = names as NSString
        let range = NSRange(location: 0, length: ns.length)
        return furnitureNames.firstMatch(in: names, range: range) != nil && articleNames.firstMatch(in: names, range: range) == nil
    }

    static func text(_ node: xmlNodePtr) -> String {
        if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
            return node.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard node.pointee.type == XML_ELEMENT_NODE, !skipped.contains(name(node)) else { return "" }
        return children(node).map(text).joined()
    }

    static func hanCount(_ node: xmlNodePtr) -> Int {
        text(node).filter(TextCleaner.isHan).count
    }

    /// Han characters outside links and furniture: what an article is made of.
    static func ownText(_ node: xmlNodePtr) -> Int {
        if node.pointee.type == XML_TEXT_NODE { return text(node).filter(TextCleaner.isHan).count }
        guard node.pointee.type == XML_ELEMENT_NODE, !isFurniture(node) else { return 0 }
        if name(node) == "a" { return 0 }
        return children(node).reduce(0) { $0 + ownText($1) }
    }

    /// The article: an element named like one with most of the text, else the element whose
    /// direct children hold the most text.
    static func chooseArticle(_ body: xmlNodePtr) -> xmlNodePtr? {
        var named: [(xmlNodePtr, Int)] = []
        var best: (xmlNodePtr, Int)?
        func visit(_ node: xmlNodePtr) {
            guard node.pointee.type == XML_ELEMENT_NODE, !isFurniture(node) else { return }
            let names = attribute(node, "class") + " " + attribute(node, "id")
            let own = ownText(node)
            if !names.trimmingCharacters(in: .whitespaces).isEmpty, articleNames.firstMatch(in: names, range: NSRange(location: 0, length: (names as NSString).length)) != nil {
                named.append((node, own))
            }
            // Text held directly by this element's paragraphs (not by deeper containers).
            let direct = children(node).reduce(0) { total, child in
                let element = name(child)
                if child.pointee.type == XML_TEXT_NODE || ["p", "span", "font", "strong", "b", "br", "table", "h1", "h2", "h3", "h4", "center", "ul", "ol"].contains(element) {
                    return total + ownText(child)
                }
                return total
            }
            if direct > (best?.1 ?? 0) { best = (node, direct) }
            for child in children(node) { visit(child) }
        }
        visit(body)
        let total = max(ownText(body), 1)
        if let chosen = named.filter({ $0.1 * 2 >= total }).min(by: { $0.1 < $1.1 }) { return chosen.0 }
        if let best, best.1 * 4 >= total { return best.0 }
        return best?.0 ?? body
    }

    static func collectOutside(_ node: xmlNodePtr, article: xmlNodePtr, before: inout [String], dropped: inout [String], seenArticle: Bool) {
        var seen = seenArticle
        for child in children(node) where child.pointee.type == XML_ELEMENT_NODE || child.pointee.type == XML_TEXT_NODE {
            if child == article {
                seen = true
                continue
            }
            if contains(child, article) {
                collectOutside(child, article: article, before: &before, dropped: &dropped, seenArticle: seen)
                seen = true
                continue
            }
            let element = name(child)
            if ["script", "style", "noscript", "head", "svg"].contains(element) { continue }
            var lines: [String] = []
            var walker = Walker()
            walker.keepFurniture = true
            walker.walk(child)
            walker.flush()
            for block in walker.blocks {
                if case .paragraph(let p) = block { lines.append(p.text) }
                if case .table(let t) = block { lines += t.writtenTexts }
            }
            lines = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if seen { dropped += lines } else { before += lines }
        }
    }

    static func contains(_ node: xmlNodePtr, _ target: xmlNodePtr) -> Bool {
        var parent = target.pointee.parent
        while let current = parent {
            if current == node { return true }
            parent = current.pointee.parent
        }
        return false
    }

    /// Turns an element tree into paragraphs and tables.
    struct Walker {
        var blocks: [Block] = []
        var current = ""
        var bold = true
        var count = 0
        /// Outside the article, everything is collected (to be kept as comments).
        var keepFurniture = false

        mutating func paragraph(_ text: String) {
            count += 1
            blocks.append(.paragraph(Paragraph(text, line: count)))
        }

        mutating func flush(heading: Int = 0) {
            let text = current.replacingOccurrences(of: "\u{a0}", with: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                count += 1
                blocks.append(.paragraph(Paragraph(text, line: count, headingLevel: heading)))
            }
            current = ""
        }

        mutating func walk(_ node: xmlNodePtr) {
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                let value = node.pointee.content.map { String(cString: $0) } ?? ""
                current += value.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: "")
                return
            }
            guard node.pointee.type == XML_ELEMENT_NODE else { return }
            let element = HTMLReader.name(node)
            if ["script", "style", "noscript", "head", "svg"].contains(element) { return }
            if !keepFurniture, HTMLReader.skipped.contains(element) || (HTMLReader.isFurniture(node) && element != "table") { return }
            if element == "br" {
                flush()
                return
            }
            if element == "table" {
                flush()
                count += 1
                blocks.append(.table(HTMLReader.table(node, line: count)))
                return
            }
            let isBlock = HTMLReader.blockNames.contains(element)
            if isBlock { flush() }
            for child in HTMLReader.children(node) { walk(child) }
            if isBlock {
                let heading = element.count == 2 && element.first == "h" ? Int(String(element.last!)) ?? 0 : 0
                flush(heading: heading)
            }
        }
    }

    /// A table with colspan and rowspan: a rowspan becomes continuation cells below.
    static func table(_ node: xmlNodePtr, line: Int) -> Table {
        var rows: [xmlNodePtr] = []
        func collect(_ node: xmlNodePtr) {
            for child in children(node) where child.pointee.type == XML_ELEMENT_NODE {
                let element = name(child)
                if element == "tr" { rows.append(child) } else if ["thead", "tbody", "tfoot"].contains(element) { collect(child) }
            }
        }
        collect(node)
        var pending: [Int: (remaining: Int, span: Int)] = [:]
        var result: [[TableCell]] = []
        for row in rows {
            var cells: [TableCell] = []
            var column = 0
            func fillPending() {
                while let open = pending[column], open.remaining > 0 {
                    cells.append(TableCell("", colSpan: open.span, continuesAbove: true))
                    pending[column] = open.remaining > 1 ? (open.remaining - 1, open.span) : nil
                    column += open.span
                }
            }
            for cell in children(row) where cell.pointee.type == XML_ELEMENT_NODE && ["td", "th"].contains(name(cell)) {
                fillPending()
                var walker = Walker()
                for child in children(cell) { walker.walk(child) }
                walker.flush()
                let text = walker.blocks.map { block -> String in
                    switch block {
                    case .paragraph(let p): p.text
                    case .table(let t): t.writtenTexts.joined(separator: " ")
                    }
                }.joined(separator: "\n")
                let span = max(1, min(50, Int(attribute(cell, "colspan")) ?? 1))
                let rowSpan = max(1, min(500, Int(attribute(cell, "rowspan")) ?? 1))
                cells.append(TableCell(text, colSpan: span))
                if rowSpan > 1 { pending[column] = (rowSpan - 1, span) }
                column += span
            }
            fillPending()
            result.append(cells)
        }
        return Table(rows: result, line: line)
    }
}
