import Foundation
import ZIPFoundation

/// Writes .docx files for the tests: a minimal WordprocessingML package with paragraphs,
/// automatic numbering (numbering.xml) and tables with vMerge/gridSpan.
struct DocxBuilder {
    enum Merge { case restart, `continue` }
    struct Cell {
        var paragraphs: [String]
        var span = 1
        var merge: Merge? = nil
    }
    enum Part {
        /// A paragraph; `list` numbers it automatically: (numId, level).
        case paragraph(String, list: (Int, Int)? = nil, heading: Int = 0, bold: Bool = false)
        case table([[Cell]])
        /// A picture in its own paragraph (DrawingML `a:blip r:embed`, or VML `v:imagedata r:id`).
        case image(name: String, vml: Bool)
        /// An embedded object (`o:OLEObject r:id`) whose part is `word/embeddings/<name>`.
        case object(name: String)
        /// A paragraph holding text and a hyperlink to an external target.
        case link(before: String, text: String, target: String)
    }

    var parts: [Part] = []
    /// Bytes of the parts under word/media and word/embeddings, by name.
    var media: [String: Data] = [:]
    /// Pictures linked (TargetMode External) instead of stored in the package.
    var externalImages = false

    var relationships: [(id: String, type: String, target: String, external: Bool)] {
        var result: [(String, String, String, Bool)] = []
        for (index, part) in parts.enumerated() {
            switch part {
            case .image(let name, _): result.append(("rId\(index + 10)", "image", externalImages ? "file:///C:/图片/\(name)" : "media/\(name)", externalImages))
            case .object(let name): result.append(("rId\(index + 10)", "package", "embeddings/\(name)", false))
            case .link(_, _, let target): result.append(("rId\(index + 10)", "hyperlink", target, true))
            default: break
            }
        }
        return result
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func paragraph(_ text: String, list: (Int, Int)?, heading: Int = 0, bold: Bool = false) -> String {
        var properties = ""
        if heading > 0 { properties += "<w:pStyle w:val=\"Heading\(heading)\"/>" }
        if let list { properties += "<w:numPr><w:ilvl w:val=\"\(list.1)\"/><w:numId w:val=\"\(list.0)\"/></w:numPr>" }
        // Line breaks inside a paragraph become <w:br/>; text is split over two runs.
        let lines = text.components(separatedBy: "\n")
        let runs = lines.enumerated().map { index, line -> String in
            let half = line.index(line.startIndex, offsetBy: line.count / 2)
            let b = bold ? "<w:rPr><w:b/></w:rPr>" : ""
            return (index > 0 ? "<w:r><w:br/></w:r>" : "")
                + "<w:r>\(b)<w:t xml:space=\"preserve\">\(escape(String(line[..<half])))</w:t></w:r><w:r>\(b)<w:t>\(escape(String(line[half...])))</w:t></w:r>"
        }.joined()
        return "<w:p><w:pPr>\(properties)</w:pPr>\(runs)</w:p>"
    }

    var documentXML: String {
        var body = ""
        for (index, part) in parts.enumerated() {
            let id = "rId\(index + 10)"
            switch part {
            case .image(_, let vml):
                body +=
                    vml
                    ? "<w:p><w:r><w:pict><v:shape style=\"width:100pt;height:50pt\"><v:imagedata r:id=\"\(id)\" o:title=\"\"/></v:shape></w:pict></w:r></w:p>"
                    : "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"100\" cy=\"50\"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed=\"\(id)\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
            case .object:
                body += "<w:p><w:r><w:object><o:OLEObject Type=\"Embed\" ProgID=\"Excel.Sheet.12\" r:id=\"\(id)\"/></w:object></w:r></w:p>"
            case .link(let before, let text, _):
                body += "<w:p><w:r><w:t>\(Self.escape(before))</w:t></w:r><w:hyperlink r:id=\"\(id)\"><w:r><w:t>\(Self.escape(text))</w:t></w:r></w:hyperlink></w:p>"
            case .paragraph(let text, let list, let heading, let bold):
                body += Self.paragraph(text, list: list, heading: heading, bold: bold)
            case .table(let rows):
                // Word always writes the grid; LibreOffice needs it to read a table at all.
                let columns = rows.map { $0.map(\.span).reduce(0, +) }.max() ?? 0
                body +=
                    "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>"
                    + String(repeating: "<w:gridCol w:w=\"1400\"/>", count: columns) + "</w:tblGrid>"
                for row in rows {
                    body += "<w:tr>"
                    for cell in row {
                        var properties = cell.span > 1 ? "<w:gridSpan w:val=\"\(cell.span)\"/>" : ""
                        switch cell.merge {
                        case .restart: properties += "<w:vMerge w:val=\"restart\"/>"
                        case .continue: properties += "<w:vMerge/>"
                        case nil: break
                        }
                        let paragraphs = cell.paragraphs.isEmpty ? ["<w:p/>"] : cell.paragraphs.map { Self.paragraph($0, list: nil) }
                        body += "<w:tc><w:tcPr>\(properties)</w:tcPr>\(paragraphs.joined())</w:tc>"
                    }
                    body += "</w:tr>"
                }
                body += "</w:tbl>"
            }
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
    }

    /// numId 1: （一） level 0 and 1. level 1; numId 2: 一、 level 0; numId 3: 1. level 0.
    static let numberingXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>
        </w:numbering>
        """

    static let stylesXML = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
        </w:styles>
        """

    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let files: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="gif" ContentType="image/gif"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>
                """
            ),
            ("word/document.xml", documentXML),
            ("word/numbering.xml", Self.numberingXML),
            ("word/styles.xml", Self.stylesXML),
        ]
        var entries = files.map { ($0.0, Data($0.1.utf8)) }
        // The package relationships a Word reader (LibreOffice) follows to the main part, its
        // styles and its numbering.
        entries.append(
            (
                "_rels/.rels",
                Data(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
                        .utf8)
            ))
        do {
            let fixed: [(id: String, type: String, target: String, external: Bool)] = [("rIdStyles", "styles", "styles.xml", false), ("rIdNumbering", "numbering", "numbering.xml", false)]
            let list = (fixed + relationships).map { r in
                "<Relationship Id=\"\(r.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(r.type)\" Target=\"\(Self.escape(r.target))\"\(r.external ? " TargetMode=\"External\"" : "")/>"
            }.joined()
            entries.append(
                (
                    "word/_rels/document.xml.rels",
                    Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(list)</Relationships>".utf8)
                ))
        }
        for part in parts {
            switch part {
            case .image(let name, _) where !externalImages: entries.append(("word/media/\(name)", media[name] ?? Data()))
            case .object(let name): entries.append(("word/embeddings/\(name)", media[name] ?? Data()))
            default: break
            }
        }
        for (path, bytes) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A text fixture as Word paragraphs: group lines numbered （一） get automatic numbering
    /// instead of typed numbers, as in a real Word file.
    static func fromText(_ text: String) -> DocxBuilder {
        var builder = DocxBuilder()
        for line in text.split(separator: "\n").map(String.init) {
            if let match = line.firstMatch(of: /^（[一二三四五六七八九十]+）/), !line.contains("牵头") && !line.contains("负责") {
                builder.parts.append(.paragraph(String(line[match.range.upperBound...]), list: (1, 0)))
            } else {
                builder.parts.append(.paragraph(line, list: nil))
            }
        }
        return builder
    }
}
