import Foundation
import GongkaiModel
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A Word file (.docx) as blocks: `word/document.xml` read with an XML parser; paragraphs
/// with Word's automatic numbering written out as the reader sees it (from `numbering.xml`),
/// headings from paragraph styles, tables with `gridSpan` and `vMerge`, line breaks in cells.
enum DocxReader {
    static func read(_ data: Data) throws -> BlockDocument {
        // Read from a file, not from memory: ZIPFoundation's in-memory reader traps on some
        // damaged archives (found by the fuzz driver); its file reader reports an error.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-docx-\(UUID().uuidString).docx")
        let archive: Archive
        do {
            try data.write(to: file)
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw IntakeError("文件不是完整的 Word 文档（.docx 是一个压缩包，这个文件无法解压，可能已损坏或只下载了一部分）。请用 Word 或 WPS 打开后重新“另存为 .docx”。")
        }
        func binary(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize < 256 * 1024 * 1024 else { throw IntakeError("Word 文档中的 \(path) 过大，无法读取。") }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw IntakeError("Word 文档已损坏：其中的 \(path) 无法解压。请用 Word 或 WPS 打开后重新“另存为 .docx”。")
            }
            return data
        }
        func part(_ path: String) throws -> Data? {
            guard let data = try binary(path) else { return nil }
            // Foundation's XMLParser traps on names that are not UTF-8 (found by the fuzz
            // driver): such a part is damaged, said so before it reaches the parser.
            guard String(validating: data, as: UTF8.self) != nil, !data.contains(0) else {
                throw IntakeError("Word 文档已损坏：其中的 \(path) 含有无法识别的字符。请用 Word 或 WPS 打开后重新“另存为 .docx”。")
            }
            return data
        }
        defer { try? FileManager.default.removeItem(at: file) }
        guard let document = try part("word/document.xml") else {
            throw IntakeError("文件不是 Word 文档：压缩包中没有 word/document.xml。如果是 WPS 或旧版 Word 文件，请另存为 .docx。")
        }
        let numbering = try part("word/numbering.xml").map(NumberingDefinitions.init) ?? NumberingDefinitions()
        let styles = try part("word/styles.xml").map(StyleNames.init) ?? StyleNames()
        let relationships = try part("word/_rels/document.xml.rels").map(Relationships.init) ?? Relationships()
        let reader = DocumentXML(numbering: numbering, styles: styles)
        let parser = XMLParser(data: document)
        parser.delegate = reader
        guard parser.parse() else {
            throw IntakeError("Word 文档已损坏：word/document.xml 不是完整的 XML（\(parser.parserError.map { "\($0)" } ?? "无法解析")）。请用 Word 或 WPS 打开后重新“另存为 .docx”。")
        }
        var result = BlockDocument(blocks: reader.blocks, unit: "段")
        // Images (a:blip r:embed, VML v:imagedata r:id) and embedded files (o:OLEObject r:id)
        // by their relationship; each part read once even when it is shown twice.
        var seen: Set<String> = []
        for reference in reader.references {
            guard let relationship = relationships.targets[reference.id] else { continue }
            if relationship.external {
                result.notes.append(ImportNote(line: reference.line, message: "这里的\(reference.isImage ? "图片" : "附件")链接到 Word 文档之外的 \(relationship.target)，没有随文档保存，请另行取得该文件。"))
                continue
            }
            let path = Relationships.resolve(relationship.target)
            let name = (path as NSString).lastPathComponent
            // OLE containers (oleObject1.bin) are not files a visitor can open; a workbook or
            // document saved inside the Word file is.
            guard reference.isImage || !name.lowercased().hasSuffix(".bin") else {
                result.notes.append(ImportNote(line: reference.line, message: "这里嵌入了一个对象（\(name)），无法另存为附件，请在 Word 中打开后另存为文件，放在导入的文件旁边。"))
                continue
            }
            guard seen.insert(path).inserted, let data = try binary(path) else { continue }
            result.files.append(EmbeddedFile(name: name, data: data, line: reference.line, isImage: reference.isImage))
        }
        result.links = reader.links.compactMap { link in
            guard let relationship = relationships.targets[link.id] else { return nil }
            return SourceLink(text: link.text, target: relationship.target)
        }
        return result
    }
}

/// Word's list definitions: for each numId and level, the format and the text around the number.
struct NumberingDefinitions {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }
    var abstract: [String: [Int: Level]] = [:]
    var numToAbstract: [String: String] = [:]

    init() {}

    init(_ data: Data) {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        abstract = delegate.abstract
        numToAbstract = delegate.numToAbstract
    }

    func level(numId: String, ilvl: Int) -> Level? {
        guard let id = numToAbstract[numId] else { return nil }
        return abstract[id]?[ilvl]
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var abstract: [String: [Int: Level]] = [:]
        var numToAbstract: [String: String] = [:]
        var currentAbstract: String?
        var currentLevel: Int?
        var currentNum: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let value = attributes["w:val"]
            switch name {
            case "w:abstractNum": currentAbstract = attributes["w:abstractNumId"]
            case "w:lvl":
                currentLevel = Int(attributes["w:ilvl"] ?? "")
                if let a = currentAbstract, let l = currentLevel { abstract[a, default: [:]][l] = Level() }
            case "w:numFmt": if let a = currentAbstract, let l = currentLevel, let value { abstract[a]?[l]?.format = value }
            case "w:lvlText": if let a = currentAbstract, let l = currentLevel, let value { abstract[a]?[l]?.text = value }
            case "w:start": if let a = currentAbstract, let l = currentLevel, let value = Int(value ?? "") { abstract[a]?[l]?.start = value }
            case "w:num": currentNum = attributes["w:numId"]
            case "w:abstractNumId": if let n = currentNum, let value { numToAbstract[n] = value }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "w:abstractNum" { currentAbstract = nil }
            if name == "w:lvl" { currentLevel = nil }
            if name == "w:num" { currentNum = nil }
        }
    }
}

/// `word/_rels/document.xml.rels`: what each `r:id` of document.xml points to.
struct Relationships {
    var targets: [String: (target: String, external: Bool)] = [:]

    init() {}

    init(_ data: Data) {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        targets = delegate.targets
    }

    /// A target relative to `word/` (media/image1.png) or absolute in the package (/word/media/…).
    static func resolve(_ target: String) -> String {
        var parts = target.hasPrefix("/") ? [] : ["word"]
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(segment))
            }
        }
        return parts.joined(separator: "/")
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var targets: [String: (target: String, external: Bool)] = [:]

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
            targets[id] = (target.removingPercentEncoding ?? target, attributes["TargetMode"] == "External")
        }
    }
}

/// Paragraph style ids whose names say heading (标题 1, heading 1).
struct StyleNames {
    var headingLevels: [String: Int] = [:]

    init() {}

    init(_ data: Data) {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        headingLevels = delegate.levels
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var levels: [String: Int] = [:]
        var style: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "w:style" { style = attributes["w:styleId"] }
            if name == "w:name", let style, let value = attributes["w:val"]?.lowercased() {
                if let match = value.firstMatch(of: /^(?:heading|标题)\s*(\d)$/), let level = Int(match.1) { levels[style] = level }
                if value == "title" { levels[style] = 1 }
            }
        }
    }
}

/// Streams document.xml into blocks.
final class DocumentXML: NSObject, XMLParserDelegate {
    let numbering: NumberingDefinitions
    let styles: StyleNames
    var blocks: [Block] = []

    var paragraphCount = 0
    var text = ""
    var inText = false
    var numId: String?
    var ilvl = 0
    var styleId: String?
    var bold = false
    var allBold = true
    var runHasText = false
    var counters: [String: [Int: Int]] = [:]

    /// Open tables, innermost last: rows of cells; the current cell's paragraphs.
    struct OpenTable {
        var rows: [[TableCell]] = []
        var row: [TableCell] = []
        var cell: [String] = []
        var span = 1
        var merge = false
        var line = 0
    }
    var tables: [OpenTable] = []

    /// Images and embedded objects by relationship id, with the paragraph they stand in.
    struct Reference {
        var id: String
        var line: Int
        var isImage: Bool
    }
    var references: [Reference] = []
    /// Hyperlinks by relationship id, with their text.
    var links: [(id: String, text: String)] = []
    var link: (id: String, start: Int)?

    init(numbering: NumberingDefinitions, styles: StyleNames) {
        self.numbering = numbering
        self.styles = styles
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "w:p":
            text = ""
            numId = nil
            ilvl = 0
            styleId = nil
            allBold = true
            runHasText = false
        case "w:r": bold = false
        case "w:b": bold = attributes["w:val"].map { $0 != "0" && $0 != "false" } ?? true
        case "w:t": inText = true
        case "w:tab": text += " "
        case "w:br", "w:cr": text += "\n"
        case "w:numId": numId = attributes["w:val"]
        case "w:ilvl": ilvl = Int(attributes["w:val"] ?? "0") ?? 0
        case "w:pStyle": styleId = attributes["w:val"]
        case "w:tbl":
            tables.append(OpenTable(line: paragraphCount + 1))
        case "w:tr": if !tables.isEmpty { tables[tables.count - 1].row = [] }
        case "w:tc":
            if !tables.isEmpty {
                tables[tables.count - 1].cell = []
                tables[tables.count - 1].span = 1
                tables[tables.count - 1].merge = false
            }
        case "a:blip":
            if let id = attributes["r:embed"] { references.append(Reference(id: id, line: paragraphCount + 1, isImage: true)) }
        case "v:imagedata":
            if let id = attributes["r:id"] { references.append(Reference(id: id, line: paragraphCount + 1, isImage: true)) }
        case "o:OLEObject":
            if let id = attributes["r:id"] { references.append(Reference(id: id, line: paragraphCount + 1, isImage: false)) }
        case "w:hyperlink":
            if let id = attributes["r:id"] { link = (id, text.utf8.count) }
        case "w:gridSpan": if !tables.isEmpty { tables[tables.count - 1].span = Int(attributes["w:val"] ?? "1") ?? 1 }
        case "w:vMerge": if !tables.isEmpty { tables[tables.count - 1].merge = attributes["w:val"] != "restart" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        text += string
        if !string.allSatisfy(\.isWhitespace) {
            runHasText = true
            if !bold { allBold = false }
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:hyperlink":
            if let open = link, open.start <= text.utf8.count {
                links.append((open.id, String(decoding: text.utf8.dropFirst(open.start), as: UTF8.self).trimmingCharacters(in: .whitespaces)))
            }
            link = nil
        case "w:p": endParagraph()
        case "w:tc":
            guard !tables.isEmpty else { return }
            let t = tables[tables.count - 1]
            tables[tables.count - 1].row.append(TableCell(t.cell.joined(separator: "\n"), colSpan: t.span, continuesAbove: t.merge))
        case "w:tr":
            guard !tables.isEmpty else { return }
            tables[tables.count - 1].rows.append(tables[tables.count - 1].row)
        case "w:tbl":
            guard let table = tables.popLast() else { return }
            if tables.isEmpty {
                blocks.append(.table(Table(rows: table.rows, line: table.line)))
            } else {
                // A table inside a cell: its text joins the cell.
                tables[tables.count - 1].cell += table.rows.map { $0.map(\.text).joined(separator: " ") }
            }
        default: break
        }
    }

    func endParagraph() {
        paragraphCount += 1
        var line = text
        if let numId, numId != "0", let level = numbering.level(numId: numId, ilvl: ilvl) {
            var levels = counters[numId] ?? [:]
            let value = (levels[ilvl] ?? (level.start - 1)) + 1
            levels[ilvl] = value
            for deeper in levels.keys where deeper > ilvl { levels[deeper] = nil }
            counters[numId] = levels
            if level.format != "bullet" && level.format != "none" {
                var label = level.text
                for l in 0...ilvl {
                    let v = l == ilvl ? value : (levels[l] ?? 1)
                    let f = numbering.level(numId: numId, ilvl: l)?.format ?? "decimal"
                    label = label.replacingOccurrences(of: "%\(l + 1)", with: Self.format(v, f))
                }
                line = label + line
            }
        }
        if !tables.isEmpty {
            if !line.allSatisfy(\.isWhitespace) { tables[tables.count - 1].cell.append(line) }
            return
        }
        guard !line.allSatisfy(\.isWhitespace) else { return }
        let heading = styleId.flatMap { styles.headingLevels[$0] } ?? 0
        blocks.append(.paragraph(Paragraph(line, line: paragraphCount, headingLevel: heading, bold: runHasText && allBold)))
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand":
            return ChineseNumeral.text(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return value >= 1 && value <= 20 ? String(UnicodeScalar(0x245F + value)!) : String(value)
        case "lowerLetter": return String(UnicodeScalar(96 + min(max(value, 1), 26))!)
        case "upperLetter": return String(UnicodeScalar(64 + min(max(value, 1), 26))!)
        default: return String(value)
        }
    }
}
