import Foundation
import GongkaiModel

/// A PDF as blocks, from the text layer poppler's `pdftotext -layout` extracts: page numbers
/// and running headers (a line repeated at the top or bottom of most pages) are dropped and
/// kept as comments; the importer rejoins lines broken by the page width. A PDF without a
/// text layer (a scan) is an error.
enum PDFReader {
    static func read(_ data: Data) throws -> BlockDocument {
        guard data.starts(with: Array("%PDF".utf8)) else {
            throw IntakeError("文件不是 PDF 文件（开头没有 %PDF 标记），可能已损坏或扩展名不对。")
        }
        let missing = "找不到 pdftotext。请安装 poppler-utils（Debian：apt-get install poppler-utils）后重新导入，或把 PDF 另存为 .docx/.txt。"
        // Word boxes first: a page holding a task table is read from them (cells that wrap
        // over several lines are joined again); other pages from the -layout text.
        let boxes = try External.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-q", "{input}", "-"], input: data, suffix: ".pdf", missing: missing)
        let tablePages = PDFLayout.pages(boxes).map(PDFLayout.pieces)
        let text = try External.run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", "{input}", "-"], input: data, suffix: ".pdf", missing: missing)
        let textPages = textPieces(text)
        guard tablePages.contains(where: { $0 != nil }) else { return try blocks(pages: textPages) }
        let pages = textPages.indices.map { index in index < tablePages.count ? (tablePages[index] ?? textPages[index]) : textPages[index] }
        return try blocks(pages: pages)
    }

    static let pageNumber = try! NSRegularExpression(pattern: "^[-—－–\\s]*(?:第\\s*\\d+\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d+\\s*页)?|\\d{1,4}|\\d+\\s*/\\s*\\d+)[-—－–\\s]*$")

    static func blocks(_ text: String) throws -> BlockDocument { try blocks(pages: textPieces(text)) }

    /// The `-layout` text as pages (split at form feeds) of text lines.
    static func textPieces(_ text: String) -> [[PDFLayout.Piece]] {
        text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { PDFLayout.Piece.text(String($0)) }
        }
    }

    /// Pages of text lines and rebuilt tables as blocks.
    static func blocks(pages pieces: [[PDFLayout.Piece]]) throws -> BlockDocument {
        let pages = pieces.map { page in
            page.map { piece -> String in
                if case .text(let line) = piece { return line }
                return ""
            }
        }
        let tableText = pieces.joined().map { piece -> Int in
            if case .table(let table) = piece { return table.writtenTexts.joined().filter { !$0.isWhitespace }.count }
            return 0
        }.reduce(0, +)
        let visible = pages.joined().joined().filter { !$0.isWhitespace }.count + tableText
        guard visible >= 20 else {
            throw IntakeError("PDF 中没有文字层（只有 \(visible) 个字符），可能是扫描件或图片。请找原始的 Word 文件或网页，或先用文字识别（OCR）软件转成文字后另存为 .docx/.txt 再导入。")
        }
        // Running headers and footers: the first or last line repeated on most pages.
        var edges: [String: Int] = [:]
        for page in pages {
            let lines = page.map { TextCleaner.squeezed($0) }.filter { !$0.isEmpty }
            for edge in Set([lines.first, lines.last].compactMap { $0 }) {
                let key = edge.replacingOccurrences(of: "\\d+", with: "#", options: .regularExpression)
                edges[key, default: 0] += 1
            }
        }
        let pageCount = pages.filter { $0.contains { !$0.allSatisfy(\.isWhitespace) } }.count
        let running = Set(edges.filter { pageCount >= 3 && $0.value * 2 > pageCount && $0.value >= 3 }.map(\.key))
        var blocks: [Block] = []
        var dropped: [KeptLine] = []
        var lineNumber = 0
        for page in pieces {
            for piece in page {
                lineNumber += 1
                let raw: String
                switch piece {
                case .table(var table):
                    table.line = lineNumber
                    blocks.append(.table(table))
                    lineNumber += table.rows.count - 1
                    continue
                case .text(let text): raw = text
                }
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty else { continue }
                let ns = line as NSString
                let key = TextCleaner.squeezed(line).replacingOccurrences(of: "\\d+", with: "#", options: .regularExpression)
                if pageNumber.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) != nil && line.count <= 16 {
                    dropped.append(KeptLine(line: lineNumber, text: line, role: "页码"))
                    continue
                }
                if running.contains(key) {
                    dropped.append(KeptLine(line: lineNumber, text: line, role: "页眉页脚"))
                    continue
                }
                // Columns laid out with runs of spaces: one space between cells.
                let collapsed = line.replacingOccurrences(of: "[ \\u3000]{2,}", with: " ", options: .regularExpression)
                blocks.append(.paragraph(Paragraph(collapsed, line: lineNumber)))
            }
        }
        return BlockDocument(blocks: blocks, dropped: dropped, unit: "行")
    }
}

/// Old binary Word and WPS files, converted to .docx by LibreOffice when it is installed.
enum LegacyWord {
    static func read(_ data: Data, ext: String, soffice: URL? = External.find("soffice") ?? External.find("libreoffice")) throws -> BlockDocument {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-soffice-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("input.\(ext)")
        try? data.write(to: input)
        guard let soffice else {
            throw IntakeError("这是旧版 Word/WPS 文件（.\(ext)），需要 LibreOffice 才能转换，但本机没有安装。请用 Word 或 WPS 打开后“另存为 .docx”，再导入 .docx 文件。")
        }
        let process = Process()
        process.executableURL = soffice
        // A profile of its own: two conversions at once would otherwise wait for each other.
        process.arguments = [
            "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)", "--headless", "--convert-to", "docx", "--outdir", directory.path, input.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard let converted = try? Data(contentsOf: directory.appendingPathComponent("input.docx")) else {
            throw IntakeError("LibreOffice 无法转换这个 .\(ext) 文件（可能已损坏）。请用 Word 或 WPS 打开后“另存为 .docx”。")
        }
        return try DocxReader.read(converted)
    }
}

/// Runs a Debian tool on a temporary copy of the input.
enum External {
    static func find(_ tool: String) -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func run(_ tool: String, _ arguments: [String], input: Data, suffix: String, missing: String) throws -> String {
        guard let executable = find(tool) else { throw IntakeError(missing) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString)\(suffix)")
        try input.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments.map { $0 == "{input}" ? file.path : $0 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw IntakeError("PDF 文件无法读取（\(tool) 报告文件已损坏或加密）。请找原始的 Word 文件，或在 PDF 阅读器中另存后重试。")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
